/** The page's status line: what the last action did, starting with where the spec came from. */
import { useState } from 'react';
import type { InitialSpec } from './initialSpec.ts';

export function openingStatus(initial: InitialSpec): string {
  if (initial.linkProblem) return `The shared link could not be read (${initial.linkProblem}); showing your saved spec or the default example instead.`;
  if (initial.source === 'link') {
    const problems = initial.optionProblems ?? [];
    return problems.length > 0 ? `Opened the spec from the shared link, without some of its output options: ${problems.join(' ')}` : 'Opened the spec from the shared link.';
  }
  if (initial.source === 'autosave') return 'Restored your last spec.';
  return '';
}

export function useStatus(initial: InitialSpec) {
  return useState(() => openingStatus(initial));
}
