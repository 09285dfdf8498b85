/**
 * Several inputs in one run: repeated -f, file arguments, folders, standard input; the order of
 * the output, the --output-dir folders and the exit status. The faults that need a real process
 * (FIFOs, permissions) are in process.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixturePath } from '../core/testing/fixtures.ts';
import { HELP_HINT } from './args.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';
import { inputFolderNames } from './outputNames.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');
const V1_HELLO = fixturePath('v1alpha1', 'hello-world');

const tmp = () => mkdtempSync(join(tmpdir(), 'mcg-many-'));
const cluster = (name: string, size = 2) =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n`;

/** The stream's documents, checked to be valid YAML with no empty document among them. */
function docsOf(text: string): string[] {
  const docs = parseAllDocuments(text);
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((d) => {
    const object = d.toJS() as { kind: string; metadata: { name: string } } | null;
    return object === null ? 'EMPTY' : `${object.kind}/${object.metadata.name}`;
  });
}

/** Writes files (a path ending in / is a folder) under a new temporary folder; returns it. */
function tree(files: Record<string, string>): string {
  const root = tmp();
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
  return root;
}

describe('two inputs with a MiniCluster of the same name and namespace', () => {
  it('the later one is an error at the start of its document, with where the earlier is, and gives no objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-same-name-'));
    const spec = readFileSync(fixturePath('v1alpha2', 'hello-world'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), spec);
    writeFileSync(join(dir, 'b.yaml'), `# the same cluster again\n${spec}`);
    writeFileSync(join(dir, 'c.yaml'), spec.replace('name: flux-sample', 'name: other'));
    const { code, stdout, stderr } = await run([join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(dir, 'b.yaml')}:1:1: metadata.name: ${join(dir, 'a.yaml')}:1 is also the MiniCluster "flux-sample" in namespace "default"`);
    const names = stdout.match(/^kind: Job\n(?:.*\n)*?  name: (.*)$/gm) ?? [];
    expect(names.join()).toContain('name: other');
    expect(stdout.match(/^kind: Job$/gm)).toHaveLength(2);
    // In another namespace it is another MiniCluster.
    writeFileSync(join(dir, 'b.yaml'), spec.replace('name: flux-sample', 'name: flux-sample\n  namespace: lab'));
    expect((await run(['--check', join(dir, 'a.yaml'), join(dir, 'b.yaml')])).code).toBe(0);
  });
});

describe('two inputs whose MiniClusters make a headless Service of the same name and namespace', () => {
  it('the later one is an error at the start of its document, with where the earlier is, and gives no objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-same-service-'));
    const spec = readFileSync(V1_HELLO, 'utf8');
    writeFileSync(join(dir, 'a.yaml'), spec);
    writeFileSync(join(dir, 'b.yaml'), spec.replace(/name: flux-sample/, 'name: second'));
    const { code, stdout, stderr } = await run([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${join(dir, 'b.yaml')}:1:1: spec.network.headlessName: The MiniCluster at ${join(dir, 'a.yaml')}:1 also makes the headless Service "flux-service" in namespace`,
    );
    expect(stdout.match(/^kind: Job$/gm)).toHaveLength(1);
    // A Service name of its own, and both are made.
    writeFileSync(join(dir, 'b.yaml'), spec.replace(/name: flux-sample/, 'name: second').replace(/\nspec:\n/, '\nspec:\n  network:\n    headlessName: second-service\n'));
    expect((await run(['--check', join(dir, 'a.yaml'), join(dir, 'b.yaml')])).code).toBe(0);
  });
});

describe('several inputs on standard output', () => {
  it('two -f inputs: each input objects in order, under a # Source comment, in one valid YAML stream', async () => {
    const r = await run(['-f', HELLO, '-f', V1_HELLO, '-i', 's']);
    expect(r.code, r.stderr).toBe(0);
    expect(docsOf(r.stdout)).toEqual(['Service/flux-sample', 'Service/flux-service']);
    const sources = r.stdout.split('\n').filter((line) => line.startsWith('#'));
    expect(sources).toEqual([`# Source: ${HELLO}`, `# Source: ${V1_HELLO}`]);
    expect(r.stdout.indexOf(`# Source: ${V1_HELLO}`)).toBeGreaterThan(r.stdout.indexOf('kind: Service'));
    // One input keeps today's output: no comment line.
    expect((await run(['-f', HELLO, '-i', 's'])).stdout).not.toContain('#');
  });

  it('plain file arguments are inputs like -f, mixed with -f in command-line order', async () => {
    const dir = tree({ 'one.yaml': cluster('one'), 'two.yaml': cluster('two'), 'three.yaml': cluster('three') });
    const r = await run([join(dir, 'two.yaml'), '-i', 'j', '-f', join(dir, 'one.yaml'), join(dir, 'three.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(docsOf(r.stdout)).toEqual(['Job/two', 'Job/one', 'Job/three']);
  });

  it('a folder: its .yaml and .yml files, in subfolders too, sorted by the bytes of their paths; other and hidden files skipped', async () => {
    const dir = tree({
      'b.yaml': cluster('b'),
      'a.yml': cluster('a'),
      'sub/deeper/c.yaml': cluster('c'),
      'a-b/x.yaml': cluster('x'),
      'Z.yaml': cluster('z'),
      'notes.txt': 'not yaml',
      'a.yaml.bak': cluster('bak'),
      'README.md': '# readme',
      '.hidden/d.yaml': cluster('hidden-folder'),
      '.e.yaml': cluster('hidden-file'),
      'empty/': '',
    });
    const r = await run(['-i', 'j', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    // Uppercase before lowercase, '-' before '.', as `LC_ALL=C sort` orders them.
    expect(docsOf(r.stdout)).toEqual(['Job/z', 'Job/x', 'Job/a', 'Job/b', 'Job/c']);
    expect(r.stdout).toContain(`# Source: ${join(dir, 'sub/deeper/c.yaml')}\n`);
  });

  it('- reads standard input among the files, once', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'b.yaml': cluster('b') });
    const r = await run(['-i', 'j', join(dir, 'a.yaml'), '-', join(dir, 'b.yaml')], cluster('piped'));
    expect(r.code, r.stderr).toBe(0);
    expect(docsOf(r.stdout)).toEqual(['Job/a', 'Job/piped', 'Job/b']);
    expect(r.stdout).toContain('# Source: <stdin>\n');
  });

  it('--format json: one List of every input objects', async () => {
    const r = await run(['-f', HELLO, V1_HELLO, '-i', 's', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { kind: string; items: { metadata: { name: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((item) => item.metadata.name)).toEqual(['flux-sample', 'flux-service']);
  });

  it('the same file given twice, or found again in a folder, is read once, with a note', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'b.yaml': cluster('b') });
    const twice = await run(['-i', 'j', join(dir, 'a.yaml'), join(dir, 'a.yaml')]);
    expect(twice.code).toBe(0);
    expect(docsOf(twice.stdout)).toEqual(['Job/a']);
    expect(twice.stderr).toBe(`minicluster-gen: note: ${join(dir, 'a.yaml')} is given again: it is read once.\n`);
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'c.yaml'));
    const again = await run(['-i', 'j', join(dir, 'b.yaml'), dir]);
    expect(again.code).toBe(0);
    expect(docsOf(again.stdout)).toEqual(['Job/b', 'Job/a']);
    expect(again.lines).toEqual([
      `minicluster-gen: note: ${join(dir, 'b.yaml')} is given again: it is read once.`,
      `minicluster-gen: note: ${join(dir, 'c.yaml')} is the same file as ${join(dir, 'b.yaml')}: it is read once.`,
      '',
    ]);
  });
});

describe('the exit status is the worst of the inputs', () => {
  it('one good and one bad file: exit 1, the good file objects are still written', async () => {
    const dir = tree({ 'good.yaml': cluster('good'), 'bad.yaml': cluster('bad', 0) });
    const r = await run(['-i', 'j', join(dir, 'good.yaml'), join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(docsOf(r.stdout)).toEqual(['Job/good']);
    expect(r.stdout).not.toContain('bad.yaml');
    expect(r.lines[0]).toMatch(new RegExp(`^${join(dir, 'bad.yaml')}:6:9: spec.size: `));
    expect(r.lines.slice(1)).toEqual([`minicluster-gen: ${join(dir, 'bad.yaml')}: 1 problem; nothing generated.`, '']);
  });

  it('a file that cannot be read counts 2 whatever the order; the --help pointer comes once, at the end', async () => {
    const dir = tree({ 'good.yaml': cluster('good'), 'bad.yaml': cluster('bad', 0) });
    for (const args of [
      [join(dir, 'missing.yaml'), join(dir, 'bad.yaml'), join(dir, 'other-missing.yaml')],
      [join(dir, 'bad.yaml'), join(dir, 'missing.yaml'), join(dir, 'good.yaml'), join(dir, 'other-missing.yaml')],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.lines.filter((line) => line.startsWith('minicluster-gen: cannot read'))).toEqual([
        `minicluster-gen: cannot read ${join(dir, 'missing.yaml')}: no such file or folder`,
        `minicluster-gen: cannot read ${join(dir, 'other-missing.yaml')}: no such file or folder`,
      ]);
      expect(r.lines.filter((line) => line === HELP_HINT)).toHaveLength(1);
      expect(r.lines.at(-2)).toBe(HELP_HINT);
    }
  });

  it('all good: 0', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'b/c.yml': cluster('c') });
    expect((await run([dir, HELLO])).code).toBe(0);
  });
});

describe('folders: what the walk reads, skips and refuses', () => {
  it('an empty folder, or one without a YAML file, is a clear error (exit 2)', async () => {
    const empty = tmp();
    const r = await run([empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`minicluster-gen: cannot read ${empty}: the folder holds no .yaml or .yml file (names starting with a dot are skipped)\n${HELP_HINT}\n`);
    const other = tree({ 'README.md': 'x', '.hidden.yaml': cluster('h'), 'sub/': '' });
    expect((await run([other])).code).toBe(2);
  });

  it('a link to a folder is not followed, so a loop cannot make the walk endless; a dangling link cannot be read', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'sub/b.yaml': cluster('b') });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub.yaml'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    symlinkSync(join(dir, 'self.yaml'), join(dir, 'self.yaml'));
    const r = await run(['-i', 'j', dir]);
    expect(r.code).toBe(2);
    expect(docsOf(r.stdout)).toEqual(['Job/a', 'Job/b']);
    expect(r.lines).toEqual([
      `minicluster-gen: cannot read ${join(dir, 'dangling.yaml')}: a symbolic link to a file or folder that does not exist`,
      `minicluster-gen: cannot read ${join(dir, 'self.yaml')}: too many symbolic links`,
      // sub.yaml before sub/loop: '.' is a smaller byte than '/'.
      `minicluster-gen: note: skipped ${join(dir, 'sub.yaml')}: a symbolic link to a folder is not followed in a folder walk; give it as an input of its own to read it`,
      `minicluster-gen: note: skipped ${join(dir, 'sub', 'loop')}: a symbolic link to a folder is not followed in a folder walk; give it as an input of its own to read it`,
      HELP_HINT,
      '',
    ]);
    // Given on the command line, a link to a folder is walked.
    expect(docsOf((await run(['-i', 'j', join(dir, 'sub.yaml')])).stdout)).toEqual(['Job/b']);
  });

  it('a folder named with a dot, given on the command line, is walked', async () => {
    const dir = tree({ '.specs/a.yaml': cluster('a') });
    expect(docsOf((await run(['-i', 'j', join(dir, '.specs')])).stdout)).toEqual(['Job/a']);
  });
});

describe('--output-dir with several inputs', () => {
  it('a folder per input, named after it, made unique and safe; stdin is "stdin"', async () => {
    const dir = tree({ 'x.yaml': cluster('x'), 'other/x.yml': cluster('x2'), 'we ird:name.yaml': cluster('w'), 'X.yaml': cluster('big-x') });
    const out = join(tmp(), 'out');
    const r = await run(['-i', 'sj', join(dir, 'x.yaml'), '-', join(dir, 'other', 'x.yml'), join(dir, 'we ird:name.yaml'), join(dir, 'X.yaml'), '--output-dir', out], cluster('piped'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['X-3', 'stdin', 'we_ird_name', 'x', 'x-2']);
    expect(readdirSync(join(out, 'x-2')).sort()).toEqual(['01-service-x2.yaml', '02-job-x2.yaml']);
    expect(readdirSync(join(out, 'stdin')).sort()).toEqual(['01-service-piped.yaml', '02-job-piped.yaml']);
    expect(readFileSync(join(out, 'X-3', '02-job-big-x.yaml'), 'utf8')).toMatch(/^kind: Job$/m);
    expect(r.lines).toContain(`wrote ${join(out, 'we_ird_name', '01-service-w.yaml')}`);
  });

  it('a folder given alone still gets a folder per file; one file keeps the flat layout', async () => {
    const dir = tree({ 'only.yaml': cluster('only') });
    const out = tmp();
    expect((await run([dir, '-i', 'j', '--output-dir', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['only']);
    const flat = tmp();
    expect((await run([join(dir, 'only.yaml'), '-i', 'j', '--output-dir', flat])).code).toBe(0);
    expect(readdirSync(flat)).toEqual(['01-job-only.yaml']);
  });

  it('an input that fails writes nothing and moves no other folder; the folder of another that cannot be made fails that input only', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'b.yaml': cluster('b', 0), 'c.yaml': cluster('c') });
    const out = tmp();
    writeFileSync(join(out, 'c'), 'a file where the folder c would go');
    const r = await run([dir, '-i', 'j', '--output-dir', out]);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['a', 'c']);
    expect(r.stderr).toContain(`minicluster-gen: --output-dir ${join(out, 'c')}: is a file, not a folder: choose another --output-dir\n`);
    expect(r.stderr).toContain(`${join(dir, 'b.yaml')}:6:9: spec.size: `);
  });

  it('an --output-dir that cannot be made stops the run at the first input that has objects', async () => {
    const dir = tree({ 'a.yaml': cluster('a'), 'b.yaml': cluster('b') });
    const file = join(tmp(), 'plain');
    writeFileSync(file, 'x');
    const r = await run([dir, '--output-dir', join(file, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`minicluster-gen: --output-dir ${file}: is a file, not a folder: choose another --output-dir\n${HELP_HINT}\n`);
  });

  it('folder names: base name without extension, safe characters, no leading dot, unique in any case', () => {
    expect(inputFolderNames(['a/spec.v2.yaml', 'b/spec.v2.yml', '-', 'c/.hidden.yaml', 'd/..', 'e/Spec.V2.yaml', 'f/ünï cöde.yaml', 'stdin.yaml'])).toEqual([
      'spec.v2',
      'spec.v2-2',
      'stdin',
      '_hidden',
      '_.',
      'Spec.V2-3',
      '_n__c_de',
      'stdin-2',
    ]);
  });
});

describe('flags that do not go with several inputs or with --check', () => {
  it('--migrate takes one file; --check takes no --output-dir and no --migrate; --diagnostics is not for --migrate', async () => {
    const dir = tree({ 'a.yaml': cluster('a') });
    const cases: [string[], string][] = [
      [['--migrate', HELLO, V1_HELLO], 'minicluster-gen: --migrate reads one file, and 2 inputs are given: migrate them one at a time'],
      [['--migrate', dir], `minicluster-gen: --migrate reads one file, and ${dir} is a folder: migrate its files one at a time`],
      [['--check', HELLO, '--output-dir', dir], 'minicluster-gen: --check writes no objects: drop --output-dir, or drop --check to write them'],
      [['--check', '--migrate', HELLO], 'minicluster-gen: --check and --migrate do not go together: --migrate prints a migrated spec, --check only analyses'],
      [['--migrate', V1_HELLO, '--diagnostics', 'json'], 'minicluster-gen: --diagnostics json is for generating and --check; --migrate prints its notes as text'],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`${line}\n${HELP_HINT}\n`);
      expect(r.stdout).toBe('');
    }
    expect((await run(['--migrate', V1_HELLO])).code).toBe(0);
  });
});
