import { describe, expect, it } from 'vitest';
import { analyzeAnySpec, type CurveKeys, generateAny, hostlist, type Manifest, v1alpha2 } from '../../core/index.ts';
import { DEFAULT_PRESET_ID, PRESETS, findPreset, hasOwnEdits } from './index.ts';

// Fixed keys: the test is about the specs, not about key generation.
const KEYS: CurveKeys = {
  publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7',
  secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6',
};

describe('presets', () => {
  it('count an edited example as the user\'s own text, an untouched one or nothing as not', () => {
    const text = PRESETS[0]!.text;
    expect(hasOwnEdits(text)).toBe(false);
    expect(hasOwnEdits('')).toBe(false);
    expect(hasOwnEdits('  \n')).toBe(false);
    expect(hasOwnEdits(text.replace('size: 4', 'size: 8'))).toBe(true);
    expect(hasOwnEdits(`${text}\n`)).toBe(true);
  });

  it('have unique ids, titles and texts', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(PRESETS.map((p) => p.title)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      expect(preset.id).toMatch(/^[a-z0-9-]+$/);
      expect(preset.description.length).toBeGreaterThan(10);
      expect(preset.text).toMatch(/^apiVersion: flux-framework\.org\/v1alpha[12]$/m);
    }
  });

  it('include the default', () => {
    expect(findPreset(DEFAULT_PRESET_ID)).toBeDefined();
    expect(findPreset('no-such-preset')).toBeUndefined();
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s analyzes without errors or warnings and generates', (_id, preset) => {
    const analysis = analyzeAnySpec(preset.text);
    const loud = analysis.diagnostics.filter((d) => d.severity !== 'info');
    expect(loud.map((d) => `${d.severity} ${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([]);
    expect(analysis.resolved).toBeDefined();
    const manifests = generateAny(analysis.resolved!, { keys: KEYS });
    expect(manifests.map((m) => m.kind)).toEqual(expect.arrayContaining(['ConfigMap', 'Service', 'Job']));
  });

  it('keep their comments (they are read as raw text)', () => {
    for (const preset of PRESETS) expect(preset.text).toMatch(/^\s*# /m);
  });

  describe('say what the generated objects do', () => {
    const generate = (id: string) => {
      const cluster = v1alpha2.analyzeSpec(findPreset(id)!.text).cluster!;
      return { cluster, manifests: v1alpha2.generateManifests(cluster, { keys: KEYS }) };
    };
    const find = (manifests: Manifest[], kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
    const json = (value: unknown) => JSON.stringify(value);

    it('mpi-benchmark: 16 tasks over 4 nodes with the option flags', () => {
      const { manifests } = generate('mpi-benchmark');
      const script = json(find(manifests, 'ConfigMap', 'osu-allreduce-entrypoint'));
      expect(script).toContain('-N 4 -n16');
      expect(script).toContain('-o cpu-affinity=per-task');
    });

    it('sidecars: a Service for the web sidecar, a start script only for the wrapped one', () => {
      const { manifests } = generate('sidecars');
      expect(find(manifests, 'Service', 'web')).toBeDefined();
      const data = (find(manifests, 'ConfigMap', 'flux-sidecars-entrypoint') as { data?: Record<string, string> }).data ?? {};
      expect(Object.keys(data)).toContain('start-2');
      expect(Object.keys(data)).not.toContain('start-1');
    });

    it('volumes: one pod volume of each kind', () => {
      const job = json(find(generate('volumes').manifests, 'Job', 'flux-volumes'));
      for (const source of ['"hostPath"', '"persistentVolumeClaim"', '"medium":"Memory"', '"configMap"']) expect(job).toContain(source);
    });

    it('bursting: the hostlist in the comment, and a quorum of size', () => {
      const { cluster, manifests } = generate('bursting');
      expect(hostlist(cluster)).toBe('flux-burst-[0-3],burst-0-[0-3]');
      expect(findPreset('bursting')!.text).toContain(hostlist(cluster));
      expect(json(find(manifests, 'ConfigMap', 'flux-burst-entrypoint'))).toContain('-Sbroker.quorum=2');
    });

    it('minimal-service: a Service on port 8050 for the lead broker only', () => {
      const service = json(find(generate('minimal-service').manifests, 'Service', 'flux-minimal'));
      expect(service).toContain('8050');
    });

    it('interactive: brokers kept up without a job', () => {
      expect(json(find(generate('interactive').manifests, 'ConfigMap', 'flux-interactive-entrypoint'))).toContain('-Sbroker.rc2_none');
    });
  });
});

describe('the v1alpha1 preset', () => {
  it('makes the objects of the older API and upgrades to a v1alpha2 spec that generates', async () => {
    const preset = findPreset('v1alpha1-volume')!;
    const analysis = analyzeAnySpec(preset.text);
    expect(analysis.version).toBe('v1alpha1');
    const kinds = generateAny(analysis.resolved!, { keys: KEYS }).map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['PersistentVolume/results', 'PersistentVolumeClaim/results-claim', 'ConfigMap/results-demo-flux-config']));
    const { migrateV1alpha1 } = await import('../../core/migrate/index.ts');
    const upgraded = migrateV1alpha1(preset.text);
    expect(upgraded.text).toContain('# Every rank writes its host name into the shared directory.');
    const after = v1alpha2.analyzeSpec(upgraded.text!);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
