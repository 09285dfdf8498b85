import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../core/parse/index.ts';
import { fieldForOutputLine, outputNeedles } from './outputLinks.ts';

const root = parseSpecText(`apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: demo
spec:
  size: 3
  containers:
    - image: ubuntu:noble
      command: echo hello world
      environment:
        GREETING: hi
      ports: [8080]
      volumes:
        scratch:
          path: /scratch
          hostPath: /tmp/scratch
    - name: sidecar
      image: nginx:1.27
`).value;

describe('links between form fields and output lines', () => {
  it('names what a field writes in the output', () => {
    expect(outputNeedles(root, ['spec', 'size'])).toEqual(['completions: 3', 'parallelism: 3']);
    expect(outputNeedles(root, ['spec', 'containers', 1, 'image'])).toEqual(['image: nginx:1.27']);
    expect(outputNeedles(root, ['spec', 'containers', 0, 'environment', 'GREETING'])).toEqual(['name: GREETING']);
    expect(outputNeedles(root, ['spec', 'containers', 0, 'volumes', 'scratch', 'hostPath'])).toEqual(['name: scratch', 'mountPath: /scratch']);
    expect(outputNeedles(root, ['spec', 'containers', 0, 'ports', 0])).toEqual(['containerPort: 8080']);
    expect(outputNeedles(root, ['spec', 'tasks'])).toEqual([]);
  });

  it('finds the field an output line came from', () => {
    expect(fieldForOutputLine(root, '        image: nginx:1.27')).toEqual(['spec', 'containers', 1, 'image']);
    expect(fieldForOutputLine(root, '  completions: 3')).toEqual(['spec', 'size']);
    expect(fieldForOutputLine(root, '          - name: GREETING')).toEqual(['spec', 'containers', 0, 'environment', 'GREETING']);
    expect(fieldForOutputLine(root, '            mountPath: /scratch')).toEqual(['spec', 'containers', 0, 'volumes', 'scratch', 'path']);
    expect(fieldForOutputLine(root, '            - containerPort: 8080')).toEqual(['spec', 'containers', 0, 'ports', 0]);
    expect(fieldForOutputLine(root, '    flux submit -N 3 echo hello world')).toEqual(['spec', 'containers', 0, 'command']);
    expect(fieldForOutputLine(root, '  restartPolicy: OnFailure')).toBeUndefined();
  });
});
