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
    expect(start).toBeGreaterThan(0);
    expect(fieldPosition(text, ['spec', 'size'], 0)).toEqual({ line: 11, column: 3 });
  });

  // The picture stays while the spec has errors, and the text may have moved since it was made.
  it('finds the MiniCluster by its place among the file\'s MiniClusters, in the text as it is now', () => {
    const second = SPEC.replace('name: demo', 'name: second').replace('size: 4', 'size: 2');
    const text = `${SPEC}---\n# a comment added since\n${second}`;
    const secondStart = text.split('\n').indexOf('# a comment added since') + 1;
    expect(fieldPosition(text, ['spec', 'size'], 0)).toEqual({ line: 6, column: 3 });
    expect(fieldPosition(text, ['spec', 'size'], 1)).toEqual({ line: secondStart + 6, column: 3 });
    // A MiniCluster that is gone since: the last one.
    expect(fieldPosition(text, ['spec', 'size'], 5).line).toBe(secondStart + 6);
  });
});
