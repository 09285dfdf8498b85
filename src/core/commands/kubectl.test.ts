import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../common/scripts/shellQuote.ts';
import { analyzeFile } from '../fileAnalysis.ts';
import { generateAny } from '../pipeline.ts';
import type { OutputOptions } from '../targets/options.ts';
import { fixture } from '../testing/fixtures.ts';
import { commandsText, kubectlCommands, type KubectlCommand } from './kubectl.ts';
import { commandTarget, type CommandTarget } from './target.ts';

const HELLO = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
  size: 4
  containers:
    - image: ubuntu:noble
      command: echo hello world
`;

function targetsOf(text: string, output: OutputOptions = {}, defaultNamespace = 'default'): CommandTarget[] {
  const file = analyzeFile(text, { defaultNamespace, output });
  return file.specs.map(({ analysis }) => {
    if (!analysis.resolved) throw new Error(`spec has errors: ${analysis.diagnostics.map((d) => d.message).join('; ')}`);
    return commandTarget(analysis.resolved, output);
  });
}

const commandsOf = (text: string, output: OutputOptions = {}, file = 'flux-sample.yaml') => kubectlCommands(targetsOf(text, output), file);
const byId = (commands: KubectlCommand[], id: string) => {
  const found = commands.find((c) => c.id === id);
  if (!found) throw new Error(`no command ${id} in ${commands.map((c) => c.id).join(', ')}`);
  return found;
};
const lineOf = (commands: KubectlCommand[], id: string) => byId(commands, id).line;

// Nothing from this environment (BASH_ENV, aliases) reaches the shells the tests start.
const PLAIN_ENV = { PATH: process.env['PATH'] ?? '' };

/**
 * The words bash makes of a command line, with `kubectl` standing in as a function that prints its
 * arguments (and answers the lead pod's name to the `kubectl get pods` inside `$(...)`).
 */
function bashWords(line: string): string[] {
  const stub = 'kubectl() { if [[ $1 == get && $* == *"-o name"* ]]; then echo pod/lead-0-abcde; else printf "%s\\0" "$@"; fi; }';
  const out = execFileSync('bash', ['-c', `${stub}\n${line}`], { encoding: 'utf8', env: PLAIN_ENV });
  return out.split('\0').slice(0, -1);
}

describe('kubectlCommands', () => {
  it('lists the commands for the default example in the order they are run', () => {
    const commands = commandsOf(HELLO);
    expect(commands.map((c) => c.id)).toEqual([
      'apply-dry-run',
      'apply',
      'pods:default/flux-sample',
      'logs:default/flux-sample',
      'shell:default/flux-sample',
      'delete',
    ]);
    expect(lineOf(commands, 'apply-dry-run')).toBe('kubectl apply --server-side --dry-run=server -f flux-sample.yaml');
    expect(lineOf(commands, 'apply')).toBe('kubectl apply --server-side -f flux-sample.yaml');
    expect(lineOf(commands, 'pods:default/flux-sample')).toBe('kubectl get pods -n default -l app.kubernetes.io/name=flux-sample --watch');
    expect(lineOf(commands, 'logs:default/flux-sample')).toBe(
      'kubectl logs -n default -f -l app.kubernetes.io/name=flux-sample,batch.kubernetes.io/job-completion-index=0 -c flux-sample --tail=-1',
    );
    expect(lineOf(commands, 'delete')).toBe('kubectl delete -f flux-sample.yaml');
    // One MiniCluster: no command is tagged with it.
    expect(commands.every((c) => c.cluster === undefined)).toBe(true);
  });

  it('opens the shell in the running pod of index 0, in the Flux container, through the view and the broker socket', () => {
    const line = lineOf(commandsOf(HELLO), 'shell:default/flux-sample') ?? '';
    expect(bashWords(line)).toEqual([
      'exec',
      '-it',
      '-n',
      'default',
      'pod/lead-0-abcde',
      '-c',
      'flux-sample',
      '--',
      'bash',
      '-c',
      '. /mnt/flux/flux-view.sh && flux proxy local:///mnt/flux/config/run/flux/local bash',
    ]);
    expect(line).toContain('get pods -n default -l app.kubernetes.io/name=flux-sample,batch.kubernetes.io/job-completion-index=0 --field-selector=status.phase=Running -o name');
  });

  it('uses the socket the generated entrypoint gives the broker, and the view file it writes', () => {
    for (const mountPath of ['/mnt/flux', '/opt/my flux']) {
      const text = HELLO.replace('  size: 4\n', `  size: 4\n  flux:\n    container:\n      mountPath: ${mountPath}\n`);
      const resolved = analyzeFile(text, { defaultNamespace: 'default' }).specs[0]?.analysis.resolved;
      if (!resolved) throw new Error('spec has errors');
      const entrypoint = JSON.stringify(generateAny(resolved, { keys: { publicKey: 'p'.repeat(40), secretKey: 's'.repeat(40) } }).find((m) => m.kind === 'ConfigMap'));
      const shell = commandTarget(resolved, undefined).fluxShell;
      const uri = `local://${mountPath}/config/run/flux/local`;
      expect(entrypoint).toContain(`-Slocal-uri=${uri}`);
      expect(entrypoint).toContain('/flux-view.sh');
      expect(shell).toEqual({ script: `. ${shellWord(`${mountPath}/flux-view.sh`)} && flux proxy ${shellWord(uri)} bash` });
    }
  });

  it('sources the view, then runs flux proxy on the socket, as a shell in the pod would (a mount path with a quote and a space)', () => {
    const root = mkdtempSync(join(tmpdir(), 'mcs-commands-'));
    try {
      const mount = join(root, "it's the view");
      mkdirSync(mount);
      writeFileSync(join(mount, 'flux-view.sh'), 'export VIEW_SOURCED=yes\n');
      const spec = HELLO.replace('  size: 4\n', `  size: 4\n  flux:\n    container:\n      mountPath: "${mount}"\n`);
      const shell = targetsOf(spec)[0]?.fluxShell;
      if (!shell || !('script' in shell)) throw new Error('no shell');
      const flux = 'flux() { printf "%s|" "$VIEW_SOURCED" "$@"; }; export -f flux';
      const out = execFileSync('bash', ['-c', `${flux}; bash -c "$1"`, 'bash', shell.script], { encoding: 'utf8', env: PLAIN_ENV });
      expect(out).toBe(`yes|proxy|local://${mount}/config/run/flux/local|bash|`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('does not source a view that is disabled: Flux comes from the image', () => {
    expect(targetsOf(fixture('v1alpha2', 'view-disabled'))[0]?.fluxShell).toMatchObject({ script: expect.stringMatching(/^flux proxy local:\/\/\S+\/config\/run\/flux\/local bash$/) });
  });

  it('says why there is no shell command when flux.disableSocket is set', () => {
    const commands = commandsOf(HELLO.replace('  size: 4\n', '  size: 4\n  flux:\n    disableSocket: true\n'));
    const shell = byId(commands, 'shell:default/flux-sample');
    expect(shell.line).toBeUndefined();
    expect(shell.note).toMatch(/disableSocket/);
    expect(commandsText([shell])).toBe(`# ${shell.what}\n# ${shell.note}\n`);
  });

  it('puts the namespace of the spec into every command', () => {
    const commands = commandsOf(HELLO.replace('  name: flux-sample\n', '  name: flux-sample\n  namespace: team-b\n'));
    for (const command of commands.filter((c) => !['apply', 'apply-dry-run', 'delete'].includes(c.id))) {
      expect(bashWords(command.line ?? '').slice(0, 6)).toContain('team-b');
    }
    expect(commands.map((c) => c.id)).toContain('logs:team-b/flux-sample');
  });

  it('uses the default namespace the analysis was given when the spec has none', () => {
    const targets = targetsOf(HELLO, {}, 'lab');
    expect(lineOf(kubectlCommands(targets, 'x.yaml'), 'pods:lab/flux-sample')).toContain('-n lab');
  });

  it('adds the JobSet, and its pods are found by the same label', () => {
    const commands = commandsOf(HELLO, { workload: 'jobset' });
    expect(lineOf(commands, 'jobset:default/flux-sample')).toBe('kubectl get jobset -n default flux-sample');
    expect(commands.map((c) => c.id).indexOf('jobset:default/flux-sample')).toBe(commands.map((c) => c.id).indexOf('apply') + 1);
    expect(lineOf(commands, 'pods:default/flux-sample')).toContain('-l app.kubernetes.io/name=flux-sample');
    expect(commands.some((c) => c.id.startsWith('jobset:'))).toBe(true);
    expect(commandsOf(HELLO).some((c) => c.id.startsWith('jobset:'))).toBe(false);
  });

  it('with a gang option, shows the PodGroup of the scheduler it is for, and says to delete the bundle before applying it again', () => {
    const coscheduling = commandsOf(HELLO, { gang: 'coscheduling' });
    expect(lineOf(coscheduling, 'podgroup:default/flux-sample')).toBe('kubectl get podgroups.scheduling.x-k8s.io -n default flux-sample');
    expect(byId(coscheduling, 'apply').note).toContain('remove it first with the delete command');
    expect(byId(coscheduling, 'apply').line).toBe('kubectl apply --server-side -f flux-sample.yaml');
    const volcano = commandsOf(HELLO, { gang: 'volcano', workload: 'jobset' });
    const ids = volcano.map((c) => c.id);
    expect(lineOf(volcano, 'podgroup:default/flux-sample')).toBe('kubectl get podgroups.scheduling.volcano.sh -n default flux-sample');
    expect(ids.indexOf('podgroup:default/flux-sample')).toBe(ids.indexOf('jobset:default/flux-sample') + 1);
    expect(commandsText(volcano)).toContain('# Its PodGroup serves one run');
    const plain = commandsOf(HELLO);
    expect(plain.some((c) => c.id.startsWith('podgroup:'))).toBe(false);
    expect(byId(plain, 'apply').note).toBeUndefined();
  });

  it('with a Kueue queue, checks the LocalQueue before applying and lists the Workloads after', () => {
    const commands = commandsOf(HELLO, { queue: 'team-a' });
    const ids = commands.map((c) => c.id);
    expect(lineOf(commands, 'localqueue:default/team-a')).toBe('kubectl get localqueue -n default team-a');
    expect(lineOf(commands, 'workloads:default')).toBe('kubectl get workloads -n default');
    expect(ids.indexOf('localqueue:default/team-a')).toBeLessThan(ids.indexOf('apply-dry-run'));
    expect(ids.indexOf('workloads:default')).toBeGreaterThan(ids.indexOf('apply'));
    expect(ids.at(-1)).toBe('delete');
  });

  it('finds the queue in spec.jobLabels when no queue option is given', () => {
    const labelled = HELLO.replace('  size: 4\n', '  size: 4\n  jobLabels:\n    kueue.x-k8s.io/queue-name: from-spec\n');
    expect(lineOf(commandsOf(labelled), 'localqueue:default/from-spec')).toBe('kubectl get localqueue -n default from-spec');
  });

  it('v1alpha1: the Flux container, the fixed socket, and the broker’s own user through sudo', () => {
    const text = fixture('v1alpha1', 'hello-world');
    const [target] = targetsOf(text);
    const key = `${target?.namespace}/${target?.name}`;
    const commands = kubectlCommands(targetsOf(text), 'b.yaml');
    expect(lineOf(commands, `logs:${key}`)).toContain(`-c ${target?.name}`);
    const words = bashWords(lineOf(commands, `shell:${key}`) ?? '');
    expect(words.at(-1)).toBe('sudo -u flux -E "PATH=$PATH" -E HOME=/home/flux flux proxy local:///run/flux/local bash');
    expect(commands.some((c) => c.id.startsWith('jobset:'))).toBe(false);
  });

  it('v1alpha1: a fluxUser of the spec, and a broker run as root', () => {
    const base = fixture('v1alpha1', 'hello-world');
    const withUser = base.replace(/^( {4}- image: .*)$/m, '$1\n      fluxUser:\n        name: it\'s me');
    expect(withUser).not.toBe(base);
    expect(targetsOf(withUser)[0]?.fluxShell).toEqual({ script: `sudo -u 'it'\\''s me' -E "PATH=$PATH" -E 'HOME=/home/it'\\''s me' flux proxy local:///run/flux/local bash` });
    const asRoot = base.replace(/^( {4}- image: .*)$/m, '$1\n      commands:\n        runFluxAsRoot: true');
    expect(targetsOf(asRoot)[0]?.fluxShell).toEqual({ script: 'sudo -E "PATH=$PATH" flux proxy local:///run/flux/local bash' });
  });

  it.each([
    ['flux-sample.yaml', 'flux-sample.yaml'],
    ['my bundle.yaml', "'my bundle.yaml'"],
    ["it's.yaml", "'it'\\''s.yaml'"],
    ['$(rm -rf ~).yaml', "$'$(rm -rf ~).yaml'"],
    ['two\nlines.yaml', "$'two\\nlines.yaml'"],
    ['-', './-'],
    ['-rf.yaml', './-rf.yaml'],
  ])('quotes the bundle file %j as one shell word', (file, word) => {
    const commands = kubectlCommands(targetsOf(HELLO), file);
    expect(lineOf(commands, 'apply')).toBe(`kubectl apply --server-side -f ${word}`);
    const expected = file.startsWith('-') ? `./${file}` : file;
    expect(bashWords(lineOf(commands, 'apply') ?? '')).toEqual(['apply', '--server-side', '-f', expected]);
    expect(bashWords(lineOf(commands, 'delete') ?? '')).toEqual(['delete', '-f', expected]);
  });

  it('a file of several MiniClusters: applied and removed once, each with its own pods, log and shell', () => {
    const other = HELLO.replace('flux-sample', 'second').replace('  name: second\n', '  name: second\n  namespace: lab\n');
    const commands = commandsOf(`${HELLO}---\n${other}`, { queue: 'q' }, 'all.yaml');
    const ids = commands.map((c) => c.id);
    expect(ids.filter((id) => id === 'apply')).toHaveLength(1);
    expect(ids.filter((id) => id === 'delete')).toHaveLength(1);
    expect(ids).toEqual([
      'localqueue:default/q',
      'localqueue:lab/q',
      'apply-dry-run',
      'apply',
      'pods:default/flux-sample',
      'logs:default/flux-sample',
      'shell:default/flux-sample',
      'pods:lab/second',
      'logs:lab/second',
      'shell:lab/second',
      'workloads:default',
      'workloads:lab',
      'delete',
    ]);
    expect(byId(commands, 'logs:lab/second')).toMatchObject({ cluster: 'lab/second', line: expect.stringContaining('-n lab') });
    expect(byId(commands, 'apply').cluster).toBeUndefined();
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('commandsText', () => {
  it('writes each command under a comment saying what it does, and the text runs as a script', () => {
    const text = commandsText(commandsOf(HELLO, { workload: 'jobset', queue: 'team-a' }, "my file's.yaml"));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# Check that the Kueue LocalQueue team-a exists/);
    expect(lines[1]).toBe('kubectl get localqueue -n default team-a');
    for (let i = 0; i < lines.length - 1; i += 2) expect(lines[i]).toMatch(/^# /);
    expect(text.endsWith('\n')).toBe(true);
    // As a script, every line reaches kubectl as the words meant.
    const calls = bashWords(text).join(' ');
    expect(calls).toContain("apply --server-side -f my file's.yaml");
    expect(calls).toContain('get jobset -n default flux-sample');
  });
});

