import { describe, expect, it } from 'vitest';
import { analyzeAnySpec } from '../pipeline.ts';
import { fixture } from '../testing/fixtures.ts';
import { OUTPUT_OPTIONS, optionName, optionValueProblems, type OutputOptions } from './options.ts';
import { jobSetPodNameLength } from './rules.ts';

const spec = (name: string, extra = '', size = 4) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: ${size}
${extra}  containers:
    - image: ghcr.io/example/app:1
      command: app
`;

const analyze = (text: string, output: OutputOptions) => analyzeAnySpec(text, { output });
const byCode = (text: string, output: OutputOptions, code: string) => analyze(text, output).diagnostics.filter((d) => d.code === code);

describe('output option values', () => {
  it('name each option as its CLI flag does, from the one table', () => {
    expect(OUTPUT_OPTIONS.map((option) => optionName(option.key))).toEqual(['workload', 'queue', 'priority-class', 'succeed-on-lead', 'cert-secret', 'gang', 'scheduler-name', 'gang-timeout', 'gang-queue']);
  });

  it('takes DNS-1123 subdomains as queues and label values as priority classes', () => {
    expect(optionValueProblems({ queue: 'team-a.gpu', priorityClass: 'High_Priority.1' })).toEqual([]);
    expect(optionValueProblems({ queue: 'Team_A' })).toEqual([{ option: 'queue', message: expect.stringContaining('lowercase letters, digits, "-" and "."') }]);
    expect(optionValueProblems({ queue: '' })[0]?.message).toContain('it is empty');
    expect(optionValueProblems({ queue: `${'a'.repeat(64)}.b` })[0]?.message).toContain('has 64 characters, 1 more than the 63 allowed between dots');
    expect(optionValueProblems({ queue: 'a'.repeat(254) })[0]?.message).toContain('254 characters, 1 more than the 253 allowed');
    expect(optionValueProblems({ priorityClass: '-high' })[0]).toMatchObject({ option: 'priorityClass', message: expect.stringContaining('starting and ending with a letter or digit') });
    expect(optionValueProblems({ priorityClass: 'p'.repeat(70) })[0]?.message).toContain('70 characters, 7 more than the 63');
    expect(optionValueProblems({ workload: 'deployment' as never })[0]?.option).toBe('workload');
  });
});

describe('a JobSet’s names', () => {
  it('counts the longest pod name the JobSet webhook checks', () => {
    expect(jobSetPodNameLength('flux-sample', 4)).toBe('flux-sample-node-0-3-abcde'.length);
    expect(jobSetPodNameLength('x', 100)).toBe('x-node-0-99-abcde'.length);
  });

  it('refuses a name that would make pod names too long, at metadata.name, saying by how much', () => {
    const fits = 'a'.repeat(63 - '-node-0-3-abcde'.length);
    expect(analyze(spec(fits), { workload: 'jobset' }).resolved).toBeDefined();
    const over = `${fits}bc`;
    const analysis = analyze(spec(over), { workload: 'jobset' });
    expect(analysis.resolved).toBeUndefined();
    const [problem] = analysis.diagnostics.filter((d) => d.code === 'jobset-name-length');
    expect(problem).toMatchObject({ severity: 'error', path: 'metadata.name', line: 4, column: 9 });
    expect(problem?.message).toContain('65 characters, 2 more than the 63');
    expect(problem?.message).toContain(`at most ${fits.length} characters`);
    // The same name is fine for the operator's Job, and for a JobSet of fewer pods.
    expect(analyze(spec(over), {}).resolved).toBeDefined();
    // One more digit in the last pod index is one more character.
    expect(analyze(spec(fits, '', 10), { workload: 'jobset' }).resolved).toBeDefined();
    expect(byCode(spec(fits, '', 11), { workload: 'jobset' }, 'jobset-name-length')[0]?.message).toContain('64 characters, 1 more');
  });

  it('refuses a name that starts with a digit, which the operator takes when the Service is named otherwise', () => {
    const digit = spec('1flux', '  network:\n    headlessName: brokers\n');
    expect(analyze(digit, {}).resolved).toBeDefined();
    expect(byCode(digit, { workload: 'jobset' }, 'jobset-name')[0]).toMatchObject({ severity: 'error', line: 4 });
  });

  it('says minimalService has no JobSet equivalent, and that a custom hostlist must name JobSet hosts', () => {
    const minimal = byCode(spec('flux-sample', '  flux:\n    minimalService: true\n'), { workload: 'jobset' }, 'jobset-minimal-service')[0];
    expect(minimal).toMatchObject({ severity: 'info', path: 'spec.flux.minimalService', line: 8 });
    expect(minimal?.message).toContain('selects every pod');
    const custom = byCode(spec('flux-sample', '  flux:\n    bursting:\n      hostlist: flux-sample-[0-3]\n'), { workload: 'jobset' }, 'jobset-custom-hostlist')[0];
    expect(custom).toMatchObject({ severity: 'warning', path: 'spec.flux.bursting.hostlist' });
    expect(custom?.message).toContain('flux-sample-node-0-0');
  });

  it('points a v1alpha1 spec to the upgrade', () => {
    const analysis = analyze(fixture('v1alpha1', 'hello-world'), { workload: 'jobset' });
    expect(analysis.resolved).toBeUndefined();
    expect(analysis.diagnostics.find((d) => d.code === 'jobset-v1alpha1')).toMatchObject({ severity: 'error', path: 'apiVersion', line: 1 });
  });
});

describe('a Kueue queue', () => {
  const labelled = (queue: string) => spec('flux-sample', `  jobLabels:\n    kueue.x-k8s.io/queue-name: ${queue}\n`);

  it('must agree with a queue label in spec.jobLabels', () => {
    expect(analyze(labelled('team-a'), { queue: 'team-a' }).resolved).toBeDefined();
    const analysis = analyze(labelled('team-b'), { queue: 'team-a' });
    expect(analysis.resolved).toBeUndefined();
    const [conflict] = analysis.diagnostics.filter((d) => d.code === 'kueue-label-conflict');
    expect(conflict).toMatchObject({ severity: 'error', path: 'spec.jobLabels["kueue.x-k8s.io/queue-name"]', line: 8 });
    expect(conflict?.message).toContain('"team-b"');
    expect(conflict?.message).toContain('"team-a"');
    const priority = spec('flux-sample', '  jobLabels:\n    kueue.x-k8s.io/priority-class: low\n');
    expect(byCode(priority, { priorityClass: 'high' }, 'kueue-label-conflict')).toHaveLength(1);
  });

  it('warns for each Flux runner without cpu or memory requests, and notes what is created at once', () => {
    const none = byCode(spec('flux-sample'), { queue: 'team-a' }, 'kueue-no-requests');
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ severity: 'warning', path: 'spec.containers[0]' });
    expect(none[0]?.message).toContain('cpu and memory as zero');
    const cpuOnly = `${spec('flux-sample')}      resources:\n        limits:\n          cpu: 2\n`;
    const [memory] = byCode(cpuOnly, { queue: 'team-a' }, 'kueue-no-requests');
    expect(memory).toMatchObject({ path: 'spec.containers[0].resources' });
    expect(memory?.message).toContain('memory as zero');
    const both = `${spec('flux-sample')}      resources:\n        requests:\n          cpu: 2\n          memory: 1Gi\n`;
    expect(byCode(both, { queue: 'team-a' }, 'kueue-no-requests')).toEqual([]);
    expect(byCode(spec('flux-sample'), {}, 'kueue-no-requests')).toEqual([]);
    expect(byCode(spec('flux-sample'), { queue: 'team-a' }, 'kueue-side-objects')[0]?.message).toContain('created at once');
  });
});

describe('the certificate in a Secret', () => {
  it('refuses a user volume that takes its name or its mount path', () => {
    const named = spec('flux-sample').replace('      command: app\n', '      command: app\n      volumes:\n        flux-sample-curve:\n          emptyDir: true\n');
    expect(byCode(named, { certSecret: true }, 'cert-secret-volume')[0]).toMatchObject({ severity: 'error', path: 'spec.containers[0].volumes.flux-sample-curve' });
    const mounted = spec('flux-sample').replace('      command: app\n', '      command: app\n      volumes:\n        data:\n          hostPath: /data\n          path: /curve/\n');
    expect(byCode(mounted, { certSecret: true }, 'cert-secret-path')[0]).toMatchObject({ severity: 'error', path: 'spec.containers[0].volumes.data.path' });
    expect(analyze(mounted, {}).resolved).toBeDefined();
  });

  it('warns when Flux runs as another user than root and no fsGroup lets it read the 0400 file', () => {
    const nonRoot = spec('flux-sample', '  pod:\n    securityContext:\n      runAsUser: 1000\n');
    expect(byCode(nonRoot, { certSecret: true }, 'cert-secret-owner')).toHaveLength(1);
    const withGroup = spec('flux-sample', '  pod:\n    securityContext:\n      runAsUser: 1000\n      fsGroup: 1000\n');
    expect(byCode(withGroup, { certSecret: true }, 'cert-secret-owner')).toEqual([]);
    expect(byCode(nonRoot, {}, 'cert-secret-owner')).toEqual([]);
  });

  it('has nothing to make for a v1alpha1 spec that mounts its own Secret', () => {
    expect(byCode(fixture('v1alpha1', 'existing-secret'), { certSecret: true }, 'cert-secret-given')[0]).toMatchObject({ severity: 'info', path: 'spec.flux.curveCertSecret' });
  });
});

describe('output options given to the core directly', () => {
  it('refuses a queue or priority class that is not a valid name, whoever calls the analysis', () => {
    for (const text of [spec('flux-sample'), fixture('v1alpha1', 'hello-world')]) {
      const queue = analyze(text, { queue: 'Team_A' });
      expect(queue.resolved).toBeUndefined();
      expect(queue.diagnostics.find((d) => d.code === 'output-option')).toMatchObject({ severity: 'error', line: 1 });
      expect(queue.diagnostics.find((d) => d.code === 'output-option')?.message).toContain('queue output option');
      const priority = analyze(text, { priorityClass: '-high' });
      expect(priority.resolved).toBeUndefined();
      expect(priority.diagnostics.find((d) => d.code === 'output-option')?.message).toContain('priority-class output option');
      expect(analyze(text, { queue: 'team-a', priorityClass: 'high' }).resolved).toBeDefined();
    }
  });
});

describe('a JobSet with the spec’s own broker.toml', () => {
  const withConfig = (hosts: string) => spec('flux-sample', `  flux:\n    brokerConfig: |\n      [bootstrap]\n      hosts = [{ host="${hosts}" }]\n`);

  it('warns at flux.brokerConfig, naming the hosts the JobSet gives, when it names the operator’s', () => {
    const [warning] = byCode(withConfig('flux-sample-[0-3]'), { workload: 'jobset' }, 'jobset-broker-config');
    expect(warning).toMatchObject({ severity: 'warning', path: 'spec.flux.brokerConfig', line: 8 });
    expect(warning?.message).toContain('flux-sample-node-0-0 to flux-sample-node-0-3');
    expect(warning?.message).toContain('flux-sample-node-0-[0-3]');
    expect(byCode(withConfig('flux-sample-[0-3]'), {}, 'jobset-broker-config')).toEqual([]);
    expect(byCode(withConfig('flux-sample-node-0-[0-3]'), { workload: 'jobset' }, 'jobset-broker-config')).toEqual([]);
  });
});

describe('a Kueue priority class', () => {
  it('says in its Needs line and in a note that a missing WorkloadPriorityClass stops Kueue from queueing', () => {
    expect(OUTPUT_OPTIONS.find((o) => o.key === 'priorityClass')?.needs).toContain('since Kueue 0.19');
    const [note] = byCode(spec('flux-sample'), { priorityClass: 'high' }, 'kueue-priority-class');
    expect(note).toMatchObject({ severity: 'info', path: 'metadata.name' });
    expect(note?.message).toContain('WorkloadPriorityClass of that name must exist');
    expect(note?.message).toContain('Kueue 0.19');
    expect(byCode(spec('flux-sample'), { queue: 'a' }, 'kueue-priority-class')).toEqual([]);
  });
});
