/**
 * A first shell of the app: a plain text editor beside the generated objects. The Monaco editor,
 * toggles, copy and download come with the app issue; this proves the core runs in the browser.
 */
import { useEffect, useMemo, useState } from 'react';
import { analyzeSpec, generateManifests, type CurveKeys } from '../core/index.ts';
import { renderYaml } from '../core/render/index.ts';
import { DEFAULT_SPEC } from './defaultSpec.ts';

export function App() {
  const [text, setText] = useState(DEFAULT_SPEC);
  const [keys, setKeys] = useState<CurveKeys>();

  useEffect(() => {
    // libsodium is large: load it after the first render.
    void import('../core/curve/index.ts')
      .then(async ({ sodiumKeypairSource, z85Encode }) => {
        const pair = await sodiumKeypairSource()();
        return { publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) };
      })
      .then(setKeys);
  }, []);

  const analysis = useMemo(() => analyzeSpec(text), [text]);
  const output = useMemo(() => {
    if (!analysis.cluster || !keys) return '';
    return renderYaml(generateManifests(analysis.cluster, { keys }));
  }, [analysis, keys]);

  return (
    <main style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem', padding: '1rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1 style={{ gridColumn: '1 / -1', margin: 0, fontSize: '1.25rem' }}>MiniCluster Studio</h1>
      <section aria-label="Spec">
        <label htmlFor="spec">MiniCluster spec (YAML)</label>
        <textarea
          id="spec"
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          style={{ width: '100%', height: '60vh', fontFamily: 'ui-monospace, monospace' }}
        />
        <ul aria-label="Problems">
          {analysis.diagnostics.map((d, i) => (
            <li key={i}>
              {d.severity} {d.line}:{d.column} {d.path}: {d.message}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Generated objects">
        <pre style={{ overflow: 'auto', height: '70vh', margin: 0 }}>{keys ? output : 'Generating a CURVE certificate…'}</pre>
      </section>
    </main>
  );
}
