import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_HINT, locateCorpus } from './corpus.ts';

/** A folder shaped like shared/: upstream examples of both versions, the JobSet CRD, and golden files when asked. */
function sharedFolder(root: string, golden: boolean, jobSet = true): string {
  for (const version of ['v1alpha2', 'v1alpha1']) mkdirSync(join(root, 'upstream', version, 'examples'), { recursive: true });
  if (jobSet) {
    mkdirSync(join(root, 'upstream', 'jobset'), { recursive: true });
    writeFileSync(join(root, 'upstream', 'jobset', 'crd.yaml'), 'kind: CustomResourceDefinition\n');
  }
  if (golden) mkdirSync(join(root, 'spec', 'v1alpha1-golden', 'operator'), { recursive: true });
  return root;
}

describe('locateCorpus', () => {
  const temp = () => mkdtempSync(join(tmpdir(), 'mcs-corpus-'));

  it('looks at MINICLUSTER_SHARED first, then ../shared, then the fetch cache', () => {
    const place = temp();
    const clone = join(place, 'clone');
    mkdirSync(clone);
    const cache = join(temp(), 'upstream');
    sharedFolder(cache.replace(/upstream$/, ''), false);
    const named = sharedFolder(temp(), true);

    expect(locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: cache }, clone).corpus?.from).toBe('the fetch:upstream cache');
    sharedFolder(join(place, 'shared'), true);
    expect(locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: cache }, clone).corpus).toEqual({
      from: '../shared',
      upstreamDir: join(place, 'shared', 'upstream'),
      jobSetCrd: join(place, 'shared', 'upstream', 'jobset', 'crd.yaml'),
      goldenDir: join(place, 'shared', 'spec', 'v1alpha1-golden', 'operator'),
    });
    expect(locateCorpus({ MINICLUSTER_SHARED: named, MINICLUSTER_UPSTREAM_CACHE: cache }, clone).corpus?.upstreamDir).toBe(join(named, 'upstream'));
  });

  it('says how to get the corpus when there is none', () => {
    const search = locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: join(temp(), 'none') }, join(temp(), 'clone'));
    expect(search).toEqual({ corpus: undefined, problem: CORPUS_HINT });
    expect(CORPUS_HINT).toContain('npm run fetch:upstream');
  });

  it('takes a MINICLUSTER_SHARED without a corpus as a problem, not a reason to look elsewhere', () => {
    const place = temp();
    sharedFolder(join(place, 'shared'), true);
    const search = locateCorpus({ MINICLUSTER_SHARED: join(place, 'nothing') }, join(place, 'clone'));
    expect(search.corpus).toBeUndefined();
    expect(search).toMatchObject({ problem: expect.stringContaining(`MINICLUSTER_SHARED=${join(place, 'nothing')} has no upstream`) });
  });

  it('needs the JobSet CRD too, and names what a MINICLUSTER_SHARED folder lacks', () => {
    const place = temp();
    const cache = join(temp(), 'upstream');
    sharedFolder(cache.replace(/upstream$/, ''), false, false);
    expect(locateCorpus({ MINICLUSTER_UPSTREAM_CACHE: cache }, join(place, 'clone'))).toEqual({ corpus: undefined, problem: CORPUS_HINT });
    const named = sharedFolder(temp(), false, false);
    expect(locateCorpus({ MINICLUSTER_SHARED: named }, join(place, 'clone'))).toMatchObject({ problem: expect.stringContaining('has no upstream/jobset/crd.yaml.') });
  });
});
