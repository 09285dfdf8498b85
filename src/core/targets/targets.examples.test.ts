/**
 * Every upstream v1alpha2 example under every combination of output options: it generates (or is
 * refused for a reason the options give), the core objects pass the Kubernetes schema, a JobSet
 * passes the JobSet CRD's schema and its Job template the Job schema, the certificate passes
 * flux-core's reading rules wherever it sits, and the scripts pass bash -n and shellcheck.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { readCurveCert } from '../curve/index.ts';
import type { Manifest } from '../common/kobject.ts';
import { hostlist } from '../common/hostlist.ts';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import { hostPrefix } from './hosts.ts';
import { corpus } from '../testing/corpus.ts';
import { describeCorpus } from '../testing/corpusSuite.ts';
import { validateAgainstJobSetCrd } from '../testing/jobSetSchema.ts';
import { expectValidRoundTrip } from '../testing/manifestChecks.ts';
import { describeOutput, outputCombinations } from '../testing/outputOptions.ts';
import { shellFindings, writeScripts, type NamedScript } from '../testing/shellScripts.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { v1alpha2Examples } from '../testing/upstream.ts';

const examples = v1alpha2Examples();
const combinations = outputCombinations('v1alpha2');
const jobSetCrd = corpus?.jobSetCrd ?? '';

const data = (m: Manifest): Record<string, string> => ((m['data'] ?? m['stringData'] ?? {}) as Record<string, string>);

describeCorpus('the upstream v1alpha2 examples under every combination of output options', () => {
  for (const example of examples) {
    describe(example.name, () => {
      const plain = analyzeAnySpec(example.text);
      if (!plain.resolved) {
        it('is refused without options too (see examples.test.ts)', () => expect(plain.resolved).toBeUndefined());
        return;
      }
      it.each(combinations.map((output) => ({ output, name: describeOutput(output) })))('$name', ({ output }) => {
        const analysis = analyzeAnySpec(example.text, { output });
        if (!analysis.resolved) {
          const codes = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
          expect(codes.every((code) => /^(jobset|kueue|cert-secret|gang)/.test(code)), codes.join()).toBe(true);
          return;
        }
        const manifests = generateAny(analysis.resolved, { keys: TEST_KEYS, output });
        expectValidRoundTrip(manifests);
        const jobSets = manifests.filter((m) => m.kind === 'JobSet');
        expect(jobSets).toHaveLength(output.workload === 'jobset' ? 1 : 0);
        for (const jobSet of jobSets) validateAgainstJobSetCrd(jobSet, jobSetCrd);
        const certs = manifests.flatMap((m) => (data(m)['curve.cert'] !== undefined ? [data(m)['curve.cert'] ?? ''] : []));
        expect(certs).toHaveLength(1);
        expect(readCurveCert(certs[0] ?? '').ok).toBe(true);
        const configMap = manifests.find((m) => m.kind === 'ConfigMap');
        const resolved = analysis.resolved;
        if (resolved.version !== 'v1alpha2' || !configMap || resolved.cluster.spec.flux.brokerConfig) return;
        // broker.toml, as the init script writes it: valid TOML whose hosts are this cluster's host names.
        const init = data(configMap)[resolved.cluster.spec.flux.container.name] ?? '';
        const toml = /broker\.toml" <<'([A-Z_]+)'\n([\s\S]*?)\n\1\n/.exec(init)?.[2];
        expect(toml).toBeDefined();
        const hosts = (parseToml(toml ?? '') as { bootstrap?: { hosts?: Array<{ host: string }> } }).bootstrap?.hosts ?? [];
        if (!resolved.cluster.spec.flux.bursting) expect(hosts.map((h) => h.host)).toEqual([hostlist(resolved.cluster, hostPrefix(resolved.cluster.metadata.name, output.workload))]);
        if (!resolved.cluster.spec.flux.bursting) expect(hosts[0]?.host.startsWith(hostPrefix(resolved.cluster.metadata.name, output.workload))).toBe(true);
      });
    });
  }
});

describeCorpus('the entrypoint scripts of every example under every output option', () => {
  it('pass bash -n and shellcheck with no findings', () => {
    const unique = new Map<string, string>();
    for (const example of examples) {
      for (const output of combinations) {
        const resolved = analyzeAnySpec(example.text, { output }).resolved;
        if (!resolved) continue;
        for (const manifest of generateAny(resolved, { keys: TEST_KEYS, output, include: 'c' })) {
          for (const [key, text] of Object.entries(data(manifest))) {
            if (text.startsWith('#!/bin/bash') && !unique.has(text)) unique.set(text, `${example.name}-${describeOutput(output)}-${key}`);
          }
        }
      }
    }
    const scripts: NamedScript[] = [...unique].map(([text, name]) => ({ name: name.replaceAll('/', '_'), text }));
    expect(scripts.length).toBeGreaterThan(200);
    expect(shellFindings(writeScripts('mcs-target-scripts-', scripts))).toBe('');
  }, 300_000);
});
