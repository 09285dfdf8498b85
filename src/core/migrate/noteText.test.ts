import { describe, expect, it } from 'vitest';
import { migrateV1alpha1 } from './index.ts';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const RLO = '\u202e';

const v1 = (spec: string, eol = '\n') =>
  ['apiVersion: flux-framework.org/v1alpha1', 'kind: MiniCluster', 'metadata:', '  name: flux-sample', 'spec:', ...spec.split('\n')].join(eol);

describe('migration notes', () => {
  it("escape the spec's own invisible characters in the names and values they quote", () => {
    const text = v1(
      [
        `  users:\n    - name: "al${RLO}ice\\u0085"`,
        `  flux:\n    container:\n      image: "view${RLO}"`,
        `  volumes:\n    "d${RLO}":\n      path: "/x\\u2028y"\n      storageClass: "fast\\u009b"`,
        '  containers:',
        '    - image: ubuntu',
        '      command: ls',
        `      fluxUser:\n        name: "fl${RLO}ux"`,
        `      volumes:\n        "d${RLO}":\n          path: /data`,
        '',
      ].join('\n'),
    );
    const r = migrateV1alpha1(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.notes.length).toBeGreaterThan(3);
    expect(r.notes.filter((n) => INVISIBLE.test(n.message)).map((n) => n.message)).toEqual([]);
    expect(r.notes.find((n) => n.path === 'spec.users')?.message).toContain('al\\u202eice\\u0085');
  });

  it('reads CR CR LF and lone CR line ends, and places its notes on the lines the editor shows', () => {
    for (const eol of ['\r\r\n', '\r']) {
      const perLine = eol === '\r' ? 1 : 2;
      const r = migrateV1alpha1(v1('  size: 2\n  size: 2\n  containers:\n    - image: ubuntu\n      command: ls\n', eol));
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.text).toContain('apiVersion: flux-framework.org/v1alpha2');
      expect(r.notes.find((n) => n.path === 'spec.size')).toMatchObject({ line: 6 * perLine + 1, column: 3 });
    }
  });
});
