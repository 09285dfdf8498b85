import { describe, expect, it, vi } from 'vitest';
import { yamlDocuments } from '../parse/documents.ts';
import { parseSpecText } from '../parse/index.ts';
import { fixtures } from '../testing/fixtures.ts';
import { v1alpha2Examples } from '../testing/upstream.ts';
import { fieldInstances } from './formFields.ts';
import { applySpecEdit, applySpecEdits, type SpecEdit } from './specEdit.ts';
import { valueAt } from '../common/plain.ts';

const SPEC = `# A comment at the top
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample   # trailing comment
spec:
  # Pods in the Job.
  size: 4
  logging:
    # Quiet please.
    quiet: true
  containers:
    # The runner.
    - image: ubuntu:noble
      command: echo hello world
`;

function edit(text: string, ...edits: SpecEdit[]): string {
  const result = applySpecEdits(text, edits);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

/** Lines of `a` missing from `b`, and lines of `b` missing from `a`, in order. */
function lineChanges(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  return { removed: x.slice(p, x.length - s), added: y.slice(p, y.length - s) };
}

const parsed = (text: string) => parseSpecText(text).value;

describe('applySpecEdit', () => {
  it('changes one scalar in place and keeps every comment', () => {
    const out = edit(SPEC, { op: 'set', path: ['spec', 'size'], value: 6 });
    expect(lineChanges(SPEC, out)).toEqual({ removed: ['  size: 4'], added: ['  size: 6'] });
  });

  it('keeps a trailing comment on the edited line', () => {
    const out = edit(SPEC, { op: 'set', path: ['metadata', 'name'], value: 'demo' });
    expect(lineChanges(SPEC, out)).toEqual({ removed: ['  name: flux-sample   # trailing comment'], added: ['  name: demo   # trailing comment'] });
  });

  it('creates missing parents for a new field', () => {
    const out = edit(SPEC, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'GREETING'], value: 'hi' });
    expect(lineChanges(SPEC, out)).toEqual({ removed: [], added: ['      environment:', '        GREETING: hi'] });
    const out2 = edit(SPEC, { op: 'set', path: ['spec', 'pod', 'labels', 'team'], value: 'hpc' });
    expect(valueAt(parsed(out2), ['spec', 'pod'])).toEqual({ labels: { team: 'hpc' } });
    expect(out2.startsWith(SPEC.trimEnd())).toBe(true);
  });

  it('fills a key written without a value', () => {
    const text = `${SPEC}  pod:\n    labels:\n`;
    const out = edit(text, { op: 'set', path: ['spec', 'pod', 'labels', 'a'], value: 'b' });
    expect(valueAt(parsed(out), ['spec', 'pod', 'labels'])).toEqual({ a: 'b' });
  });

  it('quotes strings that YAML 1.1 (as Kubernetes reads it) would take for something else', () => {
    const out = edit(
      SPEC,
      { op: 'set', path: ['spec', 'containers', 0, 'environment', 'FLAG'], value: 'yes' },
      { op: 'set', path: ['spec', 'containers', 0, 'environment', 'PORT'], value: '8080' },
      { op: 'set', path: ['spec', 'containers', 0, 'environment', 'NOTHING'], value: '' },
    );
    expect(valueAt(parsed(out), ['spec', 'containers', 0, 'environment'])).toEqual({ FLAG: 'yes', PORT: '8080', NOTHING: '' });
  });

  it('drops quotes a value needed while it was typed, keeps quotes chosen by hand', () => {
    let text = SPEC;
    for (const typed of ['', 'h', 'hello', 'hello ', 'hello world']) {
      text = edit(text, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'GREETING'], value: typed });
    }
    expect(text).toContain('        GREETING: hello world\n');
    const chosen = SPEC.replace('command: echo hello world', 'command: "echo hello world"');
    expect(edit(chosen, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo hi' })).toContain('command: "echo hi"');
  });

  it('writes multi-line commands as a literal block and single lines plainly', () => {
    const out = edit(SPEC, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo one\necho two' });
    expect(out).toContain('      command: |-\n        echo one\n        echo two\n');
    const back = edit(out, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo one' });
    expect(back).toBe(SPEC.replace('echo hello world', 'echo one'));
  });

  it('clears a field, drops maps it leaves empty and keeps spec.flux (its presence sets defaults)', () => {
    const out = edit(SPEC, { op: 'clear', path: ['spec', 'logging', 'quiet'] });
    expect(valueAt(parsed(out), ['spec', 'logging'])).toBeUndefined();
    expect(out).toContain('# Pods in the Job.');
    const withFlux = edit(SPEC, { op: 'set', path: ['spec', 'flux', 'logLevel'], value: 7 });
    const cleared = edit(withFlux, { op: 'clear', path: ['spec', 'flux', 'logLevel'] });
    expect(valueAt(parsed(cleared), ['spec', 'flux'])).toEqual({});
    expect(edit(SPEC, { op: 'clear', path: ['spec', 'network'] })).toBe(SPEC);
  });

  it('adds, moves and removes list items with their comments', () => {
    const two = edit(SPEC, { op: 'add', path: ['spec', 'containers'], value: { name: 'sidecar', image: 'nginx:1.27' } });
    expect(lineChanges(SPEC, two)).toEqual({ removed: [], added: ['    - name: sidecar', '      image: nginx:1.27'] });
    const moved = edit(two, { op: 'move', path: ['spec', 'containers'], from: 1, to: 0 });
    expect(valueAt(parsed(moved), ['spec', 'containers', 0, 'name'])).toBe('sidecar');
    expect(moved).toContain('    # The runner.\n    - image: ubuntu:noble');
    const removed = edit(moved, { op: 'remove', path: ['spec', 'containers'], index: 0 });
    expect(removed).toBe(SPEC);
    const services = edit(SPEC, { op: 'add', path: ['spec', 'services'], value: { name: 'db', image: 'postgres' } });
    expect(valueAt(parsed(services), ['spec', 'services'])).toEqual([{ name: 'db', image: 'postgres' }]);
    const none = edit(services, { op: 'remove', path: ['spec', 'services'], index: 0 });
    expect(valueAt(parsed(none), ['spec', 'services'])).toBeUndefined();
  });

  it('renames a map key in place', () => {
    const withEnv = edit(SPEC, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'A'], value: '1' }, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'B'], value: '2' });
    const renamed = edit(withEnv, { op: 'renameKey', path: ['spec', 'containers', 0, 'environment'], from: 'A', to: 'C' });
    expect(Object.entries(valueAt(parsed(renamed), ['spec', 'containers', 0, 'environment']) as object)).toEqual([
      ['C', '1'],
      ['B', '2'],
    ]);
    expect(applySpecEdit(withEnv, { op: 'renameKey', path: ['spec', 'containers', 0, 'environment'], from: 'A', to: 'B' }).ok).toBe(false);
  });

  it('refuses to edit text with syntax errors', () => {
    const result = applySpecEdit('spec:\n  size: [1\n', { op: 'set', path: ['spec', 'size'], value: 2 });
    expect(result.ok).toBe(false);
  });

  it('keeps the layout of lines it does not touch where the yaml package would reformat them', () => {
    // A trailing space after a value, which the yaml package drops when it prints a document.
    const text = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: trailing\nspec:\n  size: 4\n  containers:\n    - image: rockylinux:9 \n      command: hostname\n';
    const out = edit(text, { op: 'set', path: ['spec', 'size'], value: 5 });
    expect(lineChanges(text, out)).toEqual({ removed: ['  size: 4'], added: ['  size: 5'] });
  });
});

const HEAD = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: demo\n';

/** `text` with the last `find` replaced. */
function replaceLast(text: string, find: string, replacement: string): string {
  const at = text.lastIndexOf(find);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

describe('repeated keys', () => {
  // Kubernetes and the form (through parseSpecText) take the last of repeated keys.
  const TEXT = `${HEAD}spec:
  size: 1
  containers:
    - image: shadowed
spec:
  size: 2
  size: 4
  logging:
    quiet: false
  logging:
    quiet: true
  containers:
    - image: first
      environment:
        A: "1"
        A: "2"
    - image: second
`;
  const at = (text: string, ...path: (string | number)[]) => valueAt(parsed(text), ['spec', ...path]);

  it('sets the last of a repeated key, inside the last of a repeated parent', () => {
    expect(edit(TEXT, { op: 'set', path: ['spec', 'size'], value: 6 })).toBe(TEXT.replace('  size: 4', '  size: 6'));
    expect(edit(TEXT, { op: 'set', path: ['spec', 'logging', 'quiet'], value: false })).toBe(replaceLast(TEXT, 'quiet: true', 'quiet: false'));
    expect(edit(TEXT, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'A'], value: '3' })).toBe(TEXT.replace('A: "2"', 'A: "3"'));
    const added = edit(TEXT, { op: 'set', path: ['spec', 'containers', 1, 'workingDir'], value: '/w' });
    expect(at(added, 'containers', 1)).toEqual({ image: 'second', workingDir: '/w' });
    expect(added.startsWith(TEXT)).toBe(true);
  });

  it('adds, removes, moves and renames in the pair that counts', () => {
    const three = edit(TEXT, { op: 'add', path: ['spec', 'containers'], value: { image: 'third' } });
    expect(at(three, 'containers')).toEqual([{ image: 'first', environment: { A: '2' } }, { image: 'second' }, { image: 'third' }]);
    expect(at(edit(TEXT, { op: 'remove', path: ['spec', 'containers'], index: 0 }), 'containers')).toEqual([{ image: 'second' }]);
    expect(at(edit(TEXT, { op: 'move', path: ['spec', 'containers'], from: 1, to: 0 }), 'containers', 0)).toEqual({ image: 'second' });
    const renamed = edit(TEXT, { op: 'renameKey', path: ['spec', 'containers', 0, 'environment'], from: 'A', to: 'B' });
    expect(at(renamed, 'containers', 0, 'environment')).toEqual({ B: '2' });
    for (const out of [three, renamed]) expect(out).toContain('    - image: shadowed\n');
  });

  it('clears every occurrence, so that an earlier one does not take over', () => {
    const cleared = edit(TEXT, { op: 'clear', path: ['spec', 'size'] }, { op: 'clear', path: ['spec', 'containers', 0, 'environment', 'A'] });
    expect(at(cleared, 'size')).toBeUndefined();
    expect(at(cleared, 'containers', 0)).toEqual({ image: 'first' });
    expect(at(edit(TEXT, { op: 'clear', path: ['spec', 'logging', 'quiet'] }), 'logging')).toBeUndefined();
    expect(cleared).toContain('  size: 1\n');
  });
});

describe('lists written at the column of their key', () => {
  const FLUSH = `${HEAD}spec:
  size: 2
  containers:
  # The runner.
  - image: a
    command: x
  logging:
    quiet: true
`;
  // Mostly indented, with one flush list elsewhere.
  const MIXED = `${HEAD}spec:
  size: 2
  containers:
    - image: a
      command: x
  pod:
    nodeSelector: {a: b}
  services:
  - image: s
`;
  const CONTAINER = ['spec', 'containers', 0];
  const EDITS: [SpecEdit, (string | number)[], unknown][] = [
    [{ op: 'set', path: [...CONTAINER, 'workingDir'], value: '/w' }, [...CONTAINER, 'workingDir'], '/w'],
    [{ op: 'set', path: [...CONTAINER, 'environment', 'A'], value: 'on' }, [...CONTAINER, 'environment'], { A: 'on' }],
    [{ op: 'add', path: [...CONTAINER, 'ports'], value: 80 }, [...CONTAINER, 'ports'], [80]],
    [{ op: 'add', path: ['spec', 'containers'], value: { image: 'b' } }, ['spec', 'containers', 1], { image: 'b' }],
  ];

  it.each([
    ['flush, with a comment above the first item', FLUSH],
    ['flush, with a blank line above the first item', FLUSH.replace('  # The runner.\n', '\n')],
    ['indented, with a flush list elsewhere', MIXED],
    ['flush, with an indented list elsewhere', `${FLUSH}  services:\n    - image: s\n`],
  ])('%s: new keys and items in the last item parse and read back', (_name, text) => {
    for (const [change, path, expected] of EDITS) {
      const out = edit(text, change);
      expect(parseSpecText(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(valueAt(parsed(out), path)).toEqual(expected);
      // Only new lines: everything the user wrote stays.
      expect(lineChanges(text, out).removed).toEqual([]);
    }
  });

  it('writes new keys and items in the style of the list they go into', () => {
    const flush = edit(FLUSH, { op: 'set', path: ['spec', 'containers', 0, 'workingDir'], value: '/w' }, { op: 'add', path: ['spec', 'containers'], value: { image: 'b' } });
    expect(flush).toContain('    command: x\n    workingDir: /w\n  - image: b\n  logging:');
    const mixed = edit(MIXED, { op: 'set', path: ['spec', 'containers', 0, 'workingDir'], value: '/w' }, { op: 'add', path: ['spec', 'containers'], value: { image: 'b' } });
    expect(mixed).toContain('      command: x\n      workingDir: /w\n    - image: b\n  pod:');
  });
});

describe('files with more than one YAML document', () => {
  const PODGROUP = 'apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata:\n  name: flux-sample\nspec:\n  minMember: 4\n';
  const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: flux-sample\nspec:\n  clusterIP: None\n';

  it('edits the targeted document and leaves the others byte for byte', () => {
    const text = `${PODGROUP}---\n${SPEC}`;
    const target = yamlDocuments(text)[1]!;
    expect(target.start).toBe(PODGROUP.length);
    const result = applySpecEdits(text, [{ op: 'set', path: ['spec', 'size'], value: 6 }, { op: 'add', path: ['spec', 'containers'], value: { image: 'b' } }], target);
    expect(result).toEqual({ ok: true, text: `${PODGROUP}---\n${edit(SPEC, { op: 'set', path: ['spec', 'size'], value: 6 }, { op: 'add', path: ['spec', 'containers'], value: { image: 'b' } })}` });
    const single = applySpecEdit(text, { op: 'set', path: ['metadata', 'name'], value: 'x' }, target);
    expect(single.ok && single.text.slice(0, PODGROUP.length)).toBe(PODGROUP);
  });

  it('edits the first document without a target', () => {
    const text = `${SPEC}---\n${SERVICE}`;
    expect(edit(text, { op: 'set', path: ['spec', 'size'], value: 6 })).toBe(`${SPEC.replace('size: 4', 'size: 6')}---\n${SERVICE}`);
  });

  it('refuses only for syntax errors in the document it edits', () => {
    const broken = PODGROUP.replace('minMember: 4', 'minMember: [4');
    const text = `${broken}---\n${SPEC}`;
    const target = yamlDocuments(text)[1]!;
    const result = applySpecEdit(text, { op: 'set', path: ['spec', 'size'], value: 6 }, target);
    expect(result).toEqual({ ok: true, text: `${broken}---\n${SPEC.replace('size: 4', 'size: 6')}` });
    const first = applySpecEdit(text, { op: 'set', path: ['spec', 'minMember'], value: 2 });
    expect(first).toEqual({ ok: false, reason: 'The YAML has syntax errors; fix them in the YAML view before editing in the form.' });
    expect(applySpecEdit(`${SPEC}---\n${broken}`, { op: 'set', path: ['spec', 'size'], value: 6 }).ok).toBe(true);
  });

  it('refuses a document nested too deep, every time, instead of aborting (it once took Node down)', () => {
    const deep = '['.repeat(1000);
    for (const text of [`${deep}\n`, `---\n${deep}`, `${deep}\n`, `${SPEC}---\n${deep}`]) {
      const target = yamlDocuments(text).at(-1);
      const result = applySpecEdit(text, { op: 'set', path: ['spec', 'size'], value: 3 }, target);
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('nests too deep') });
    }
    expect(applySpecEdit(`${SPEC}---\n${deep}`, { op: 'set', path: ['spec', 'size'], value: 3 })).toEqual({ ok: true, text: `${SPEC.replace('size: 4', 'size: 3')}---\n${deep}` });
  });
});

/** The edits the form makes when each of its inputs is written with the value it shows. */
function formWrites(value: unknown): SpecEdit[] {
  const edits: SpecEdit[] = [];
  for (const { path, field } of fieldInstances(value)) {
    const current = valueAt(value, path);
    if (current === undefined) continue;
    if ((field.kind === 'stringMap' || field.kind === 'quantityMap') && current !== null && typeof current === 'object') {
      for (const [k, v] of Object.entries(current)) edits.push({ op: 'set', path: [...path, k], value: v });
    } else if ((field.kind === 'portList' || field.kind === 'stringList') && Array.isArray(current)) {
      current.forEach((v, i) => edits.push({ op: 'set', path: [...path, i], value: v }));
    } else edits.push({ op: 'set', path, value: current });
  }
  return edits;
}

describe('the example specs: our fixtures, and the upstream corpus when it is there', () => {
  const examples = [...fixtures('v1alpha2'), ...v1alpha2Examples()];

  it.each(examples.map((e) => [e.name, e.text] as const))('%s: YAML → form → YAML is the identity', (_name, text) => {
    const value = parsed(text);
    const edits = formWrites(value);
    expect(edits.length).toBeGreaterThan(0);
    expect(edit(text, ...edits)).toBe(text);
  });

  it.each(examples.map((e) => [e.name, e.text] as const))('%s: form edits touch only their own lines', (_name, text) => {
    const renamed = edit(text, { op: 'set', path: ['metadata', 'name'], value: 'renamed-by-form' });
    const { removed, added } = lineChanges(text, renamed);
    expect(removed).toHaveLength(1);
    expect(added).toEqual([removed[0]!.replace(/name:\s*\S+/, 'name: renamed-by-form')]);

    // A new environment variable in the first container: every original line survives, in order.
    const withEnv = edit(text, { op: 'set', path: ['spec', 'containers', 0, 'environment', 'FORM_TEST'], value: 'on' });
    const value = parsed(withEnv);
    expect(valueAt(value, ['spec', 'containers', 0, 'environment', 'FORM_TEST'])).toBe('on');
    expect(parseSpecText(withEnv).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const change = lineChanges(text, withEnv);
    expect(change.removed).toEqual([]);
    // Everything else reads as before.
    const before = parsed(text) as { spec: { containers: Record<string, unknown>[] } };
    const after = value as typeof before;
    const { environment: _dropped, ...rest } = after.spec.containers[0]!;
    const { environment: original, ...restBefore } = before.spec.containers[0]!;
    expect(rest).toEqual(restBefore);
    expect(_dropped).toEqual({ ...(original as object), FORM_TEST: 'on' });
  });
});

describe('the form never refuses its own edits of an ordinary spec for lines outside the field', () => {
  const examples = [...fixtures('v1alpha2'), ...v1alpha2Examples()];
  // The same specs with a blank line above every key of a mapping, as many people space them.
  const spaced = (text: string) => text.replace(/\n( +[A-Za-z][\w.-]*:)/g, '\n\n$1');

  /** Every removal the form makes of a written field: untick, remove an item, clear a map entry. */
  function removals(value: unknown): SpecEdit[] {
    const edits: SpecEdit[] = [];
    for (const { path, field } of fieldInstances(value)) {
      const current = valueAt(value, path);
      if (current === undefined) continue;
      edits.push({ op: 'clear', path });
      if (Array.isArray(current)) current.forEach((_, index) => edits.push({ op: 'remove', path, index }));
      else if ((field.kind === 'stringMap' || field.kind === 'quantityMap') && current !== null && typeof current === 'object') {
        for (const key of Object.keys(current)) edits.push({ op: 'set', path: [...path, key], value: undefined });
      }
    }
    return edits;
  }

  it.each(examples.flatMap((e) => [[e.name, e.text] as const, [`${e.name}, spaced`, spaced(e.text)] as const]))('%s', (_name, text) => {
    const value = parsed(text);
    for (const change of removals(value)) {
      const result = applySpecEdit(text, change);
      if (!result.ok) {
        expect(result.reason, JSON.stringify(change)).not.toMatch(/without also rewriting/);
        continue;
      }
      expect(parseSpecText(result.text).diagnostics.filter((d) => d.severity === 'error'), JSON.stringify(change)).toEqual([]);
    }
  });
});

describe('what the fuzz suite found: an edit is made cleanly or refused with a reason, never thrown', () => {
  const NAME: SpecEdit = { op: 'set', path: ['metadata', 'name'], value: 'y' };
  const refusal = (text: string, change: SpecEdit) => {
    const result = applySpecEdit(text, change);
    if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.text)}`);
    return result.reason;
  };

  it('refuses an alias without an anchor before it, saying where, in one printable line', () => {
    expect(refusal('a: *x\n', NAME)).toBe('Line 1, column 4: there is no anchor &x before the alias *x; define the anchor above it or fix the name in the YAML view before editing in the form.');
    expect(refusal('a: *x\nb: &x 1\n', NAME)).toMatch(/^Line 1, column 4: there is no anchor &x before the alias \*x;/);
    for (const odd of ['\u2028', '\u0085']) {
      const reason = refusal(`kind: MiniCluster\na: *x${odd}y\n`, NAME);
      expect(reason).toMatch(/^Line 2, column 4: /);
      expect(reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    }
    expect(refusal('a: &x\u2028y 1\nb: 2\n', NAME)).toMatch(/^Line 1, column 4: the anchor name "x\\u2028y" holds a space or control character/);
  });

  it('writes the new value without a tag that contradicts it', () => {
    expect(edit('spec:\n  logging:\n    quiet: !!str "true"\n', { op: 'set', path: ['spec', 'logging', 'quiet'], value: false })).toBe('spec:\n  logging:\n    quiet: false\n');
    const command = edit('spec:\n  containers:\n  - command: !!bool true\n', { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo hi' });
    expect(valueAt(parsed(command), ['spec', 'containers', 0, 'command'])).toBe('echo hi');
    const migration = fixtures('v1alpha1').find((f) => f.name.endsWith('migration.yaml'))!.text;
    const tagged = migration.replace(/logLevel: \d+/, 'logLevel: !!str 7');
    expect(tagged).not.toBe(migration);
    const { removed, added } = lineChanges(tagged, edit(tagged, { op: 'set', path: ['spec', 'flux', 'logLevel'], value: 7 }));
    expect(removed).toEqual([expect.stringMatching(/logLevel: !!str 7$/)]);
    expect(added).toEqual([removed[0]!.replace('!!str 7', '7')]);
  });

  it('edits inside a mapping tagged as a scalar (!!timestamp) by dropping that tag, not by printing the mapping away', () => {
    const out = edit('spec:\n  flux: !!timestamp\n    submitCommand: x\n', { op: 'set', path: ['spec', 'flux', 'logLevel'], value: 7 });
    expect(parsed(out)).toEqual({ spec: { flux: { submitCommand: 'x', logLevel: 7 } } });
  });

  it('refuses a list edit where the spec has a mapping, and a field edit where it has a list, saying where', () => {
    const text = 'spec:\n  containers:\n    value: 1\n';
    const expected = 'Line 3, column 5: spec.containers is a mapping here, where the form expects a list; make it a list ("- ...") in the YAML view first.';
    expect(refusal(text, { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'a' })).toBe(expected);
    expect(refusal(text, { op: 'add', path: ['spec', 'containers', 0, 'ports'], value: 8080 })).toBe(expected);
    expect(refusal('spec:\n  logging: [1]\n', { op: 'set', path: ['spec', 'logging', 'quiet'], value: true })).toMatch(/^Line 2, column 12: spec\.logging is a list here, where the form expects a mapping;/);
    expect(refusal('spec:\n  containers:\n  - image: a\n', { op: 'set', path: ['spec', 'containers', 3, 'image'], value: 'a' })).toMatch(/no item 4/);
  });

  it('keeps the lines of a flow collection written over several lines', () => {
    const text = 'spec:\n  containers:\n  - {\n      image: a,\n      command: b\n    }\n';
    expect(edit(text, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'c' })).toBe(text.replace('command: b', 'command: c'));
    expect(edit(text, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo one\necho two' })).toBe(text.replace('command: b', 'command: "echo one\\necho two"'));
    expect(edit(text, { op: 'set', path: ['spec', 'containers', 0, 'environment'], value: { A: 'a b' } })).toBe(text.replace('command: b', 'command: b, environment: { A: a b }'));
    expect(edit(text, { op: 'clear', path: ['spec', 'containers', 0, 'command'] })).toBe(text.replace('\n      command: b', ''));
    expect(edit(text, { op: 'clear', path: ['spec', 'containers', 0, 'image'] })).toBe(text.replace('\n      image: a,', ''));
    const ports = 'spec:\n  containers:\n  - ports: [\n      5000,\n      6000\n    ]\n';
    expect(edit(ports, { op: 'remove', path: ['spec', 'containers', 0, 'ports'], index: 0 })).toBe(ports.replace('\n      5000,', ''));
  });

  it('keeps the line ends of a file written with CRLF, also around a plain scalar written over two lines', () => {
    const text = 'apiVersion: a\r\n  b\r\nmetadata:\r\n  name: x\r\nspec:\r\n  size: 3\r\n';
    expect(edit(text, { op: 'set', path: ['metadata', 'name'], value: 'z' })).toBe(text.replace('name: x', 'name: z'));
    expect(edit(text, { op: 'set', path: ['spec', 'tasks'], value: 2 })).toBe(`${text}  tasks: 2\r\n`);
  });

  it('refuses an edit that would rewrite lines outside its field, naming them, instead of changing them', () => {
    const environment: SpecEdit = { op: 'set', path: ['spec', 'containers', 0, 'environment'], value: { FUZZ: 'a b' } };
    // A key at the indentation of `spec` under an empty block scalar: printed again, the lines
    // below it were joined into one plain scalar.
    const merged =
      'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: nightly\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n' +
      '      command: |\n  <<: null\n        flux submit -N2 hostname\n        flux queue drain\n';
    expect(refusal(merged, environment)).toBe(
      'The form cannot change spec.containers[0].environment here without also rewriting lines 10-12, so it leaves the spec as it is; make this change in the YAML view.',
    );
    // A comment at the end of the mapping the edit replaces goes with it, as one inside it does.
    const comment =
      'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  containers:\n    - image: ubuntu:noble\n      environment:\n        PAGE_HOST: nginx\n        #';
    expect(edit(comment, environment)).toBe(comment.replace('PAGE_HOST: nginx\n        #', 'FUZZ: a b'));
    // A stray ']' after a document, then another document: the first one's edit is refused for
    // its syntax error, instead of being spliced in before the ']' on its line.
    const stray = `${comment.replace(/ *#$/, '')}  logging:\n    [ [ leaf ] ]\n    ]\n---\nkind: Service\n`;
    const [first] = yamlDocuments(stray);
    expect(refusal(stray.replace('kind: Service', 'kind: MiniCluster'), environment)).toMatch(/syntax errors/);
    expect(applySpecEdit(stray, environment, first)).toMatchObject({ ok: false, reason: expect.stringMatching(/syntax errors/) });
    // The same edit where nothing else is at stake goes through.
    expect(edit(comment.replace(/\n *#$/, '\n'), environment)).toMatch(/environment:\n {8}FUZZ: a b\n$/);
  });

  it('makes the removals the form makes, whose lines reach past the field, without refusing them', () => {
    const cases: Array<[string, SpecEdit, string]> = [
      // The blank line and the comment above a removed key go with it.
      ['spec:\n  size: 2\n\n  # how many\n  tasks: 4\n  containers:\n  - image: a\n', { op: 'clear', path: ['spec', 'tasks'] }, 'spec:\n  size: 2\n  containers:\n  - image: a\n'],
      ['spec:\n  size: 2\n  logging:\n    quiet: true\n', { op: 'set', path: ['spec', 'logging', 'quiet'], value: undefined }, 'spec:\n  size: 2\n'],
      // The last item of a list: the list goes, and the mappings it leaves empty.
      [
        'spec:\n  containers:\n  - image: a\n    securityContext:\n      capabilities:\n        add:\n        - SYS_ADMIN\n',
        { op: 'remove', path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'], index: 0 },
        'spec:\n  containers:\n  - image: a\n',
      ],
      ['spec:\n  containers:\n  - ports:\n    - 80\n    image: a\n', { op: 'remove', path: ['spec', 'containers', 0, 'ports'], index: 0 }, 'spec:\n  containers:\n  - image: a\n'],
      // CRLF without a line break at the end.
      ['apiVersion: a\r\nkind: MiniCluster', { op: 'set', path: ['metadata', 'name'], value: 'x' }, 'apiVersion: a\r\nkind: MiniCluster\r\nmetadata:\r\n  name: x'],
      ['spec:\r\n  size: 2\r\n  tasks: 4', { op: 'clear', path: ['spec', 'tasks'] }, 'spec:\r\n  size: 2'],
      // A flow mapping over several lines: the separator before the removed pair goes.
      [
        'spec:\n  containers:\n  - image: a\n    environment: {\n      A: "1",\n      B: "2"\n    }\n',
        { op: 'clear', path: ['spec', 'containers', 0, 'environment', 'B'] },
        'spec:\n  containers:\n  - image: a\n    environment: {\n      A: "1",\n    }\n',
      ],
    ];
    for (const [text, change, expected] of cases) expect(applySpecEdit(text, change), JSON.stringify(change)).toEqual({ ok: true, text: expected });
  });

  it('refuses a spec with lone CR line breaks, which the analysis and the yaml package read differently', () => {
    const text = 'x: 1\n# a comment\rapiVersion: flux-framework.org/v1alpha2\rmetadata:\r  name: old\r';
    expect(refusal(text, { op: 'set', path: ['metadata', 'name'], value: 'new' })).toMatch(/^The spec has line breaks written as a lone CR \(old Mac style\), which the form cannot edit;/);
    expect(edit(text.replaceAll('\r', '\n'), { op: 'set', path: ['metadata', 'name'], value: 'new' })).toContain('  name: new\n');
  });

  it('refuses a file larger than the analysis reads, without reading it', () => {
    const text = `metadata:\n  name: x\nspec:\n  command: ${'a'.repeat(1024 * 1024)}\n`;
    const result = applySpecEdit(text, { op: 'set', path: ['metadata', 'name'], value: 'y' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/more than the 1 MiB .* the form cannot edit it/);
  });

  it('writes a number plainly over one written in another notation (base 60, hexadecimal, exponent)', () => {
    for (const old of ['1:20', '0x1F', '1e3']) {
      expect(applySpecEdit(`spec:\n  size: ${old}\n`, { op: 'set', path: ['spec', 'size'], value: 3 })).toEqual({ ok: true, text: 'spec:\n  size: 3\n' });
    }
  });

  it('adds a missing mapping without rewriting a flow list above a comment that ends the document', () => {
    expect(applySpecEdit('fuzzDeep: [[[1]]]\n# c\n', { op: 'set', path: ['metadata', 'name'], value: 'x' })).toEqual({ ok: true, text: 'fuzzDeep: [[[1]]]\nmetadata:\n  name: x\n# c\n' });
    expect(applySpecEdit('a: [1]\n#', { op: 'set', path: ['metadata', 'name'], value: 'x' })).toEqual({ ok: true, text: 'a: [1]\nmetadata:\n  name: x\n#' });
  });

  it('keeps a CRLF file CRLF when its last line has no line break', () => {
    const text = 'apiVersion: a\r\nkind: MiniCluster\r\nmetadata:';
    expect(edit(text, { op: 'set', path: ['metadata', 'name'], value: 'x' })).toBe('apiVersion: a\r\nkind: MiniCluster\r\nmetadata:\r\n  name: x');
  });

  it('keeps the comment under a key without a value when the edit gives it one', () => {
    const text = 'spec:\n  logging:\n    # Quiet please.\n  size: 2\n';
    expect(edit(text, { op: 'set', path: ['spec', 'logging', 'quiet'], value: false })).toBe('spec:\n  logging:\n    # Quiet please.\n    quiet: false\n  size: 2\n');
  });

  it('keeps a quoted text written over several lines next to the edited value', () => {
    const text = 'metadata:\n  name: !!binary abc\nspec: "word word\n  word"\n';
    expect(edit(text, { op: 'set', path: ['metadata', 'name'], value: 'demo' })).toBe(text.replace('!!binary abc', 'demo'));
  });

  it('ends the edited document with its line break when it ends in an empty block scalar', () => {
    const text = 'spec:\n  command: |\n---\n  a\n';
    const target = yamlDocuments(text)[0]!;
    expect(applySpecEdit(text, { op: 'set', path: ['spec', 'size'], value: 7 }, target)).toEqual({ ok: true, text: 'spec:\n  command: |\n  size: 7\n---\n  a\n' });
  });

  it('refuses to set a field that a merge key after it overrides', () => {
    const text = 'metadata:\n  name: a\n  <<:\n    name: merged\n';
    expect(refusal(text, { op: 'set', path: ['metadata', 'name'], value: 'b' })).toBe('metadata.name also comes from a merge key (<<) or an alias, which wins over a value written here; change it in the YAML view.');
    expect(edit(text, { op: 'set', path: ['metadata', 'namespace'], value: 'ns' })).toBe(`${text}  namespace: ns\n`);
  });

  it('keeps the blank line after a key it removes as a blank line', () => {
    expect(edit('spec:\n  tasks: 4\n\n  logging: 1\n', { op: 'clear', path: ['spec', 'tasks'] })).toBe('spec:\n\n  logging: 1\n');
  });

  it('prints no warning for a list or mapping used as a key', () => {
    const warnings: unknown[] = [];
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation((w) => void warnings.push(w));
    const warn = vi.spyOn(console, 'warn').mockImplementation((w) => void warnings.push(w));
    try {
      expect(applySpecEdit('? [a, b]\n: c\n', NAME)).toEqual({ ok: true, text: '? [a, b]\n: c\nmetadata:\n  name: "y"\n' });
      expect(applySpecEdit('? {a: 1}\n: c\nmetadata:\n  name: x\n', NAME)).toEqual({ ok: true, text: '? {a: 1}\n: c\nmetadata:\n  name: "y"\n' });
    } finally {
      emit.mockRestore();
      warn.mockRestore();
    }
    expect(warnings).toEqual([]);
  });
});
