/**
 * Direct links between spec fields and the generated YAML: what to highlight in the output for
 * a form field, and which field a line of the output came from. Only where the mapping is
 * direct (image, command, size, environment, volumes, ports); elsewhere there is no link.
 */
import { type PathSegment, valueAt } from '../../core/page.ts';
import { asArray, recordOrEmpty, displayText } from './formModel.ts';

const CONTAINER_LISTS = ['containers', 'services'] as const;

/** Text fragments of the output that the field at `path` writes. */
export function outputNeedles(root: unknown, path: readonly PathSegment[]): string[] {
  const key = path.map(String).join('.');
  const value = valueAt(root, path);
  if (key === 'spec.size') {
    const size = displayText(value ?? 1);
    return [`completions: ${size}`, `parallelism: ${size}`];
  }
  if (key === 'metadata.name' && typeof value === 'string' && value) return [value];
  if (path[0] !== 'spec' || !CONTAINER_LISTS.includes(path[1] as (typeof CONTAINER_LISTS)[number])) return [];
  const field = path[3];
  if (field === 'image' && typeof value === 'string' && value) return [`image: ${value}`];
  if (field === 'command' && typeof value === 'string' && value.trim()) {
    const first = value.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
    return first.length >= 3 ? [first] : [];
  }
  if (field === 'workingDir' && typeof value === 'string' && value) return [`workingDir: ${value}`];
  if (field === 'environment' && path.length >= 5) {
    const name = String(path[4]);
    return [`name: ${name}`];
  }
  if (field === 'environment') return Object.keys(recordOrEmpty(value)).map((name) => `name: ${name}`);
  if (field === 'ports') {
    const ports = path.length >= 5 ? [value] : asArray(value);
    return ports.filter((p) => typeof p === 'number').map((p) => `containerPort: ${String(p)}`);
  }
  if (field === 'volumes' && path.length >= 5) {
    const volume = recordOrEmpty(valueAt(root, path.slice(0, 5)));
    const needles = [`name: ${String(path[4])}`];
    if (typeof volume['path'] === 'string' && volume['path']) needles.push(`mountPath: ${volume['path']}`);
    return needles;
  }
  return [];
}

/** The spec field that one line of the generated YAML shows, when there is a direct one. */
export function fieldForOutputLine(root: unknown, line: string): PathSegment[] | undefined {
  const text = line.trim().replace(/^- /, '');
  const match = /^([A-Za-z]+):\s*(.*)$/.exec(text);
  const [, key = '', raw = ''] = match ?? [];
  const value = raw.replace(/^"(.*)"$/, '$1');
  if (key === 'completions' || key === 'parallelism') return ['spec', 'size'];
  for (const list of CONTAINER_LISTS) {
    const items = asArray(valueAt(root, ['spec', list]));
    for (let i = 0; i < items.length; i++) {
      const c = recordOrEmpty(items[i]);
      const base: PathSegment[] = ['spec', list, i];
      if (key === 'image' && c['image'] === value) return [...base, 'image'];
      if (key === 'workingDir' && c['workingDir'] === value) return [...base, 'workingDir'];
      if (key === 'containerPort') {
        const index = asArray(c['ports']).findIndex((p) => String(p) === value);
        if (index >= 0) return [...base, 'ports', index];
      }
      if (key === 'name' && Object.hasOwn(recordOrEmpty(c['environment']), value)) return [...base, 'environment', value];
      if (key === 'name' && Object.hasOwn(recordOrEmpty(c['volumes']), value)) return [...base, 'volumes', value];
      if (key === 'mountPath') {
        const volume = Object.entries(recordOrEmpty(c['volumes'])).find(([, v]) => recordOrEmpty(v)['path'] === value);
        if (volume) return [...base, 'volumes', volume[0], 'path'];
      }
      const command = typeof c['command'] === 'string' ? c['command'].trim() : '';
      if (command.length >= 3 && text.length >= 3 && (text.includes(command) || command.split('\n').some((l) => l.trim().length >= 3 && text.includes(l.trim())))) {
        return [...base, 'command'];
      }
    }
  }
  return undefined;
}
