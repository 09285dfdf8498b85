import { describe, expect, it } from 'vitest';
import { staleQuestion } from './staleExport.ts';

describe('the question before handing out an out-of-date output', () => {
  it('says the output is the last good one, why, and asks about the action', () => {
    expect(staleQuestion('Copy', 'spec')).toBe('The spec has errors; this is the last good output, from before your last edits. Copy it anyway?');
    expect(staleQuestion('Download', 'options')).toBe('The output options have errors; this is the last good output, from before your last changes. Download it anyway?');
  });
});
