/** The specs the benchmarks measure: the upstream corpus when there is one, else our own fixtures. */
import { corpus } from '../src/core/testing/corpus.ts';
import { fixtures, type Example } from '../src/core/testing/fixtures.ts';
import { v1alpha2Examples } from '../src/core/testing/upstream.ts';

export function benchExamples(): Example[] {
  if (corpus) return v1alpha2Examples();
  console.log('No upstream corpus (npm run fetch:upstream gets it): measuring our own v1alpha2 fixtures instead.');
  return fixtures('v1alpha2');
}
