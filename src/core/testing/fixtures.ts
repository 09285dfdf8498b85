/**
 * The project's own MiniCluster specs (`fixtures/v1alpha2/*.yaml`, `fixtures/v1alpha1/*.yaml`), written
 * for our tests so that every generator path runs on a clone with nothing beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FixtureVersion = 'v1alpha2' | 'v1alpha1';

export const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));

export interface Example {
  /** Path relative to its folder, e.g. `hello-world.yaml` or `tests/hello-world/minicluster.yaml`. */
  name: string;
  text: string;
}

/** The path of one fixture, e.g. `fixturePath('v1alpha2', 'hello-world')`. */
export const fixturePath = (version: FixtureVersion, name: string): string => join(fixturesDir, version, `${name}.yaml`);

/** The text of one fixture. */
export const fixture = (version: FixtureVersion, name: string): string => readFileSync(fixturePath(version, name), 'utf8');

/**
 * A file of several documents (`fixtures/files/NAME.yaml`): a MiniCluster with the objects people
 * keep beside it, for the tests of whole files. Not a fixture of either version.
 */
export const fixtureFilePath = (name: string): string => join(fixturesDir, 'files', `${name}.yaml`);

/** Every fixture of a version, sorted by name. */
export function fixtures(version: FixtureVersion): Example[] {
  return readdirSync(join(fixturesDir, version))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(fixturesDir, version, file), 'utf8') }));
}
