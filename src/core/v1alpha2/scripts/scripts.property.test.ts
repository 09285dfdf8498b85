/** Any spec text, anywhere: the generated scripts still parse (nothing is pasted raw). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCommands, fixture } from './fixtures.test-data.ts';
import { initScript } from './initScript.ts';
import { runnerScript } from './runnerScript.ts';
import { bashSyntax } from '../../testing/scriptSandbox.ts';
import { sidecarScript } from './sidecarScript.ts';

// Shell-significant characters are over-represented; NUL cannot exist in a bash string at all.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "'", '$', '`', '\\', '\n', ' ', '(', ')', '{', '}', '#', ';', '&', '|', '<', '>', '*', 'MCS_EOF', 'EOF'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0'),
  ),
  maxLength: 30,
});

describe('scripts parse whatever the spec strings contain', () => {
  it('bash -n passes for random values in every field', { timeout: 20_000 }, () => {
    const samples = fc.sample(
      fc.record({
        command: text,
        snippet: text,
        script: text,
        value: text,
        batch: fc.boolean(),
        quiet: fc.boolean(),
        launcher: fc.boolean(),
      }),
      { numRuns: 12, seed: 42 },
    );
    for (const s of samples) {
      const f = fixture('not-quiet').build();
      const commands = { ...emptyCommands(), init: s.snippet, pre: s.snippet, post: s.snippet, servicePre: s.snippet, prefix: s.value, script: s.script };
      const view = { quiet: s.quiet, pythonPath: s.value, fluxEnvironment: [['K', s.value], [s.value, s.value]] as Array<[string, string]> };
      const runner = runnerScript({
        ...f.runner,
        ...view,
        mountPath: s.value,
        name: s.value,
        command: s.command,
        commands,
        batch: s.batch,
        launcher: s.launcher,
        outputDir: s.value,
        brokerOptions: [s.value, `-S${s.value}`],
        archivePath: s.value,
        flags: s.value,
        submitCommand: s.value,
        wrap: s.value,
        timed: true,
        systemPaths: { tmpDir: s.value, timeBinary: s.value },
      });
      const sidecar = sidecarScript({ ...f.sidecar, ...view, mountPath: s.value, command: s.command, commands });
      const init = initScript({ ...f.init, name: s.value, mountPath: s.value, hostlist: s.value, brokerConfig: s.command });
      for (const script of [runner, sidecar, init]) {
        const r = bashSyntax(script);
        expect(r.output, JSON.stringify(s)).toBe('');
      }
    }
  });
});
