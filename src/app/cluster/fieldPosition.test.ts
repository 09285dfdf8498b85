import { describe, expect, it } from 'vitest';
import { fieldPosition } from './fieldPosition.ts';

const SPEC = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: demo
spec:
  size: 4
  containers:
    - image: busybox
      volumes:
        data:
          path: /data
`;

describe('fieldPosition', () => {
  it('finds a volume at its key and a container at its item', () => {
    expect(fieldPosition(SPEC, ['spec', 'containers', 0, 'volumes', 'data'])).toEqual({ line: 10, column: 9 });
    expect(fieldPosition(SPEC, ['spec', 'containers', 0])).toMatchObject({ line: 8 });
  });

  it('finds a field that is not written at its closest parent', () => {
    expect(fieldPosition(SPEC, ['spec', 'maxSize']).line).toBe(5);
  });

  it('counts the lines of the file for a MiniCluster after the first document', () => {
    const before = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\n';
    const text = before + SPEC;
    const start = before.length;
    const inFile = { index: 0, count: 1, start, end: text.length, firstLine: 6, lastLine: 16 };
    expect(fieldPosition(text, ['spec', 'size'], inFile)).toEqual({ line: 11, column: 3 });
  });
});
