import { strFromU8, unzipSync } from 'fflate';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import {
  bundleFileName,
  bundleText,
  includedManifests,
  manifestFileName,
  safeFileStem,
  singleManifestFileName,
  specFileName,
  zipFileName,
} from './bundle.ts';
import { zipManifests } from './zip.ts';

function manifest(kind: string, name: string, letter: IncludeLetter, body = 'spec: {}\n'): RenderedManifest {
  return { kind, name, letter, yaml: `---\napiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${body}` };
}

const SAMPLE: RenderedManifest[] = [
  manifest('ConfigMap', 'flux-sample-entrypoint', 'c', 'data:\n  wait-0: |\n    #!/bin/sh\n    \techo tab\n'),
  manifest('Pod', 'flux-sample-services', 'p'),
  manifest('Service', 'flux-sample', 's'),
  manifest('Job', 'flux-sample', 'j'),
  manifest('Service', 'nginx', 's'),
];
const ALL = new Set<IncludeLetter>(['c', 's', 'j', 'p', 'v']);

describe('bundleText', () => {
  it('joins the included objects in order into a stream kubectl reads as separate documents', () => {
    const text = bundleText(SAMPLE, ALL);
    expect(text).toBe(SAMPLE.map((m) => m.yaml).join(''));
    const docs = parseAllDocuments(text);
    expect(docs.map((doc) => doc.get('kind'))).toEqual(['ConfigMap', 'Pod', 'Service', 'Job', 'Service']);
  });

  it('filters by letter', () => {
    const text = bundleText(SAMPLE, new Set<IncludeLetter>(['s', 'j']));
    expect(parseAllDocuments(text).map((doc) => `${doc.get('kind')}/${doc.getIn(['metadata', 'name'])}`)).toEqual([
      'Service/flux-sample',
      'Job/flux-sample',
      'Service/nginx',
    ]);
    expect(bundleText(SAMPLE, new Set())).toBe('');
  });

  it('adds a line break where an object lacks a final one, so documents never run together', () => {
    const odd = [{ ...SAMPLE[2]!, yaml: '---\nkind: Service' }, SAMPLE[3]!];
    expect(bundleText(odd, ALL)).toBe(`---\nkind: Service\n${SAMPLE[3]!.yaml}`);
  });

  it('includedManifests keeps the order', () => {
    expect(includedManifests(SAMPLE, new Set<IncludeLetter>(['j', 'c'])).map((m) => m.kind)).toEqual(['ConfigMap', 'Job']);
  });
});

describe('zipManifests', () => {
  it('puts each included object in its own numbered file', () => {
    const files = unzipSync(zipManifests(SAMPLE, ALL));
    expect(Object.keys(files)).toEqual([
      '01-configmap-flux-sample-entrypoint.yaml',
      '02-pod-flux-sample-services.yaml',
      '03-service-flux-sample.yaml',
      '04-job-flux-sample.yaml',
      '05-service-nginx.yaml',
    ]);
    expect(Object.values(files).map((bytes) => strFromU8(bytes))).toEqual(SAMPLE.map((m) => m.yaml));
  });

  it('numbers only what is included and keeps bytes exact (tabs, UTF-8)', () => {
    const unicode = manifest('ConfigMap', 'x', 'c', 'data:\n  a: "🌀 é"\n  b: |\n    \tx\n');
    const files = unzipSync(zipManifests([unicode, ...SAMPLE.slice(1)], new Set<IncludeLetter>(['c', 'j'])));
    expect(Object.keys(files)).toEqual(['01-configmap-x.yaml', '02-job-flux-sample.yaml']);
    expect(strFromU8(files['01-configmap-x.yaml']!)).toBe(unicode.yaml);
  });

  it('never overwrites a file when two objects would share a name', () => {
    const twice = [SAMPLE[2]!, SAMPLE[2]!];
    expect(Object.keys(unzipSync(zipManifests(twice, ALL)))).toEqual(['01-service-flux-sample.yaml', '02-service-flux-sample.yaml']);
  });

  it('is an empty archive when nothing is included', () => {
    expect(Object.keys(unzipSync(zipManifests(SAMPLE, new Set())))).toEqual([]);
  });
});

describe('file names', () => {
  it('names the downloads after the MiniCluster', () => {
    expect(bundleFileName('flux-sample')).toBe('flux-sample.yaml');
    expect(zipFileName('flux-sample')).toBe('flux-sample-manifests.zip');
    expect(specFileName('flux-sample')).toBe('flux-sample-minicluster.yaml');
  });

  it('falls back without a name', () => {
    expect(specFileName(undefined)).toBe('minicluster.yaml');
    expect(specFileName('')).toBe('minicluster.yaml');
    expect(bundleFileName(undefined)).toBe('minicluster-objects.yaml');
    expect(zipFileName(undefined)).toBe('manifests.zip');
  });

  it('keeps names to safe characters on one path segment', () => {
    expect(safeFileStem('../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('a b\\c:d')).toBe('a-b-c-d');
    expect(safeFileStem('...')).toBe('');
    expect(specFileName('..')).toBe('minicluster.yaml');
    expect(safeFileStem('x'.repeat(300))).toHaveLength(120);
  });

  it('numbers manifest files with enough digits for the total', () => {
    expect(manifestFileName({ kind: 'ConfigMap', name: 'flux-sample-entrypoint' }, 0, 4)).toBe('01-configmap-flux-sample-entrypoint.yaml');
    expect(manifestFileName({ kind: 'Job', name: 'j' }, 9, 120)).toBe('010-job-j.yaml');
    expect(singleManifestFileName({ kind: 'Job', name: 'flux-sample' })).toBe('job-flux-sample.yaml');
  });
});
