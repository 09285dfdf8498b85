/** `--tree`: the broker tree instead of the objects, for one input, several, and inputs with problems. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../core/testing/fixtures.ts';
import { USAGE } from './args.ts';
import { BIN, runInProcess as run } from './runInProcess.test-util.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');
const ELASTIC = fixturePath('v1alpha2', 'elastic');
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const HELLO_TREE = lines('0 flux-sample-0', '├─ 1 flux-sample-1', '├─ 2 flux-sample-2', '└─ 3 flux-sample-3');

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mcg-tree-')), name);
  writeFileSync(path, text);
  return path;
}

const spec = (name: string, lines: string) =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n${lines}\n  containers:\n    - image: ubuntu:noble\n`;

describe('minicluster-gen --tree', () => {
  it('prints the tree of one MiniCluster, and nothing else', async () => {
    const { code, stdout, stderr } = await run(['--tree', '-f', HELLO]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(HELLO_TREE);
  });

  it('marks the ranks from size up to maxSize offline', async () => {
    expect((await run(['--tree', ELASTIC])).stdout).toBe(
      lines(
        '0 elastic-0',
        '├─ 1 elastic-1',
        '├─ 2 elastic-2 (offline until the cluster grows)',
        '├─ 3 elastic-3 (offline until the cluster grows)',
        '└─ 4 elastic-4 (offline until the cluster grows)',
      ),
    );
  });

  it('uses the JobSet host names with --workload jobset, and the spec topology', async () => {
    const path = file('binomial.yaml', spec('gang', '  size: 4\n  flux:\n    topology: binomial'));
    const { code, stdout } = await run(['--tree', '--workload', 'jobset', path]);
    expect(code).toBe(0);
    expect(stdout).toBe(lines('0 gang-node-0-0', '├─ 1 gang-node-0-1', '└─ 2 gang-node-0-2', '   └─ 3 gang-node-0-3'));
  });

  it('heads each tree with its input and MiniCluster when there are several', async () => {
    const two = file('two.yaml', `${spec('first', '  size: 2')}---\n${spec('second', '  size: 1\n  flux:\n    topology: kary:2')}`);
    const { code, stdout } = await run(['--tree', HELLO, two]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `# ${HELLO}: MiniCluster flux-sample (namespace default), topology kary:256`,
        HELLO_TREE,
        `# ${two}: MiniCluster first (namespace default), topology kary:256`,
        lines('0 first-0', '└─ 1 first-1'),
        `# ${two}: MiniCluster second (namespace default), topology kary:2`,
        '0 second-0\n',
      ].join('\n'),
    );
  });

  it('prints the problems of a spec as the other modes do, and the trees of the other inputs', async () => {
    const bad = file('bad.yaml', spec('bad', '  size: 2\n  flux:\n    topology: ring'));
    const { code, stdout, stderr } = await run(['--tree', bad, HELLO]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${bad}:8:15: spec.flux.topology: flux.topology "ring" would stop every broker at start: flux-core has no topology named "ring". ` +
        "Use kary:K (K a whole number; kary:0 is flat), binomial, mincrit, mincrit:K or custom, or leave it out for the operator's kary:256.\n" +
        `minicluster-gen: ${bad}: 1 problem; no tree printed.\n`,
    );
    expect(stdout).toBe(`# ${HELLO}: MiniCluster flux-sample (namespace default), topology kary:256\n${HELLO_TREE}`);
  });

  it('refuses the flags of the other modes, and those that shape printed objects', async () => {
    const shaping = [['-i', 'j'], ['--format', 'json'], ['--sort-keys'], ['--legacy-separator'], ['--server-fields'], ['--curve-cert', '/tmp/x.cert']];
    for (const flag of [['--check'], ['--migrate'], ['--commands'], ['--output-dir', '/tmp/x'], ...shaping]) {
      const { code, first } = await run(['--tree', ...flag, HELLO]);
      expect(code, flag[0]).toBe(2);
      expect(first).toBe(`minicluster-gen: --tree prints the broker tree instead of the objects, and ${flag[0]} does not go with it: drop one of the two`);
    }
  });

  // A chain indents each rank one step further: 100,000 ranks would print some 15 GB.
  it('refuses a tree whose text would pass its limit, naming the input and what to do, and prints the others', async () => {
    const chain = file('chain.yaml', spec('chain', '  size: 100000\n  flux:\n    topology: kary:1'));
    const { code, stdout, stderr } = await run(['--tree', chain, HELLO]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^minicluster-gen: .*chain\.yaml: the broker tree of MiniCluster chain \(100000 ranks under kary:1\) would be \d+ MiB of text, .*at most 64 MiB\. Choose a wider spec\.flux\.topology/);
    expect(stdout).toContain(HELLO_TREE.split('\n').slice(0, 4).join('\n'));
    // The same size under the operator's kary:256 is printed, every rank.
    const wide = await run(['--tree', file('wide.yaml', spec('wide', '  size: 100000'))]);
    expect(wide.code).toBe(0);
    expect(wide.stdout.split('\n')).toHaveLength(100_001);
  });

  it('with a gang option: the same tree (the PodGroup changes no host)', async () => {
    for (const gang of ['coscheduling', 'volcano']) {
      const r = await run(['--tree', '--gang', gang, '-f', HELLO]);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: HELLO_TREE });
    }
  });

  it('of a v1alpha1 spec: the operator\'s kary:256, with its offline ranks', async () => {
    const v1 = file('v1.yaml', 'apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n  name: old\nspec:\n  size: 2\n  maxSize: 3\n  containers:\n    - image: ubuntu:noble\n');
    expect((await run(['--tree', v1])).stdout).toBe(lines('0 old-0', '├─ 1 old-1', '└─ 2 old-2 (offline until the cluster grows)'));
  });

  it('draws the bar of a parent with more children past an offline subtree', async () => {
    const deep = file('deep.yaml', spec('d', '  size: 3\n  maxSize: 7\n  flux:\n    topology: kary:2'));
    expect((await run(['--tree', deep])).stdout).toBe(
      lines(
        '0 d-0',
        '├─ 1 d-1',
        '│  ├─ 3 d-3 (offline until the cluster grows)',
        '│  └─ 4 d-4 (offline until the cluster grows)',
        '└─ 2 d-2',
        '   ├─ 5 d-5 (offline until the cluster grows)',
        '   └─ 6 d-6 (offline until the cluster grows)',
      ),
    );
  });

  it('is in the usage', () => {
    expect(USAGE).toMatch(/^ {2}--tree {15}print each MiniCluster's Flux broker tree/m);
  });

  it('works in the built CLI', () => {
    const out = spawnSync(process.execPath, [BIN, '--tree', '-f', HELLO], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(HELLO_TREE);
  });
});
