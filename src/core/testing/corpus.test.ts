import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_HINT, locateCorpus } from './corpus.ts';

/** A folder shaped like shared/: upstream examples of both versions, and golden files when asked. */
function sharedFolder(root: string, golden: boolean): string {
  for (const version of ['v1alpha2', 'v1alpha1']) mkdirSync(join(root, 'upstream', version, 'examples'), { recursive: true });
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
});
