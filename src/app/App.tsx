/**
 * A first shell of the app: a plain text editor beside the generated objects. The Monaco editor,
 * toggles, copy and download come with the app issue; this proves the core runs in the browser.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { analyzeSpec, generateManifests, type CurveKeys } from '../core/index.ts';
import { sodiumKeypairSource, z85Encode } from '../core/curve/index.ts';
import { renderYaml } from '../core/render/index.ts';
import { DEFAULT_SPEC } from './defaultSpec.ts';

export function App() {
  const [text, setText] = useState(DEFAULT_SPEC);
  const [keys, setKeys] = useState<CurveKeys>();
  const lastGood = useRef('');

  useEffect(() => {
    // libsodium loads on first use, after the first render.
    void Promise.resolve(sodiumKeypairSource()()).then((pair) =>
      setKeys({ publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) }),
    );
  }, []);

  const analysis = useMemo(() => analyzeSpec(text), [text]);
  const output = useMemo(() => {
    if (!analysis.cluster || !keys) return undefined;
    return renderYaml(generateManifests(analysis.cluster, { keys }));
  }, [analysis, keys]);
  if (output !== undefined) lastGood.current = output;
  const stale = output === undefined && lastGood.current !== '';

  return (
    <main style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 30rem), 1fr))', gap: '1rem', padding: '1rem', fontFamily: 'system-ui, sans-serif' }}>
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
        {stale && <p role="status">Out of date: fix the errors to update the objects.</p>}
        <pre style={{ overflow: 'auto', height: '70vh', margin: 0, opacity: stale ? 0.6 : 1 }}>
          {keys ? lastGood.current : 'Generating a CURVE certificate…'}
        </pre>
      </section>
    </main>
  );
}
