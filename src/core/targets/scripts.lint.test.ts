/**
 * The entrypoint scripts of every fixture of ours, as generated under every combination of output
 * options (JobSet host names and the certificate's place change them): `bash -n` passes and
 * shellcheck has nothing to say. Identical scripts are checked once.
 */
import { describe, expect, it } from 'vitest';
import type { MiniClusterVersion } from '../common/apiVersions.ts';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import { fixtures } from '../testing/fixtures.ts';
import { describeOutput, outputCombinations } from '../testing/outputOptions.ts';
import { shellFindings, writeScripts } from '../testing/shellScripts.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';

function generatedScripts(version: MiniClusterVersion): Array<{ id: string; text: string }> {
  const unique = new Map<string, string>();
  for (const { name, text } of fixtures(version)) {
    for (const output of outputCombinations(version)) {
      const resolved = analyzeAnySpec(text, { output }).resolved;
      if (!resolved) continue;
      for (const manifest of generateAny(resolved, { keys: TEST_KEYS, output, include: 'c' })) {
        for (const [key, value] of Object.entries((manifest['data'] ?? {}) as Record<string, string>)) {
          if (value.startsWith('#!/bin/bash') && !unique.has(value)) unique.set(value, `${name} ${manifest.metadata.name}/${key} (${describeOutput(output)})`);
        }
      }
    }
  }
  return [...unique].map(([text, id]) => ({ id, text }));
}

describe.each(['v1alpha2', 'v1alpha1'] as const)('%s scripts under every combination of output options', (version) => {
  const scripts = generatedScripts(version);

  it('include the scripts each option changes (v1alpha1 reads the certificate from the same mount either way)', () => {
    const ids = scripts.map((s) => s.id).join('\n');
    expect(scripts.length).toBeGreaterThan(fixtures(version).length);
    if (version === 'v1alpha2') {
      expect(ids).toContain('jobset');
      expect(ids).toContain('cert-secret');
    }
  });

  it('pass bash -n and shellcheck with no findings', () => {
    expect(shellFindings(writeScripts(`mcs-${version}-option-scripts-`, scripts.map(({ id, text }) => ({ name: id, text }))))).toBe('');
  }, 120_000);
});
