/** Editors for the maps and lists of a spec: environment, labels, resources, ports, capabilities. */
import { useEffect, useId, useRef, useState } from 'react';
import { formatPath, type FormField, type PathSegment, valueAt } from '../../core/page.ts';
import { Notes, useDraft } from './Field.tsx';
import { useForm } from './formContext.ts';
import { asArray, recordOrEmpty, displayText, freeName, integerInput, localProblem, quantityProblem, quantityValue } from './formModel.ts';

interface Words {
  /** What one entry is called in button names: "Add environment variable", "Remove limit 2". */
  noun: string;
  keyLabel: string;
  valueLabel: string;
  /**
   * Names a new entry is given, the first free one; none: the new row starts with an empty name
   * field and joins the spec once a name is typed (a made-up name would be typed into: NAMEMY_VAR).
   */
  newKey: readonly string[];
}

const MAP_WORDS: Record<string, Words> = {
  environment: { noun: 'environment variable', keyLabel: 'Variable name', valueLabel: 'Value', newKey: [] },
  limits: { noun: 'limit', keyLabel: 'Resource', valueLabel: 'Quantity', newKey: ['cpu', 'memory'] },
  requests: { noun: 'request', keyLabel: 'Resource', valueLabel: 'Quantity', newKey: ['cpu', 'memory'] },
  resources: { noun: 'pod resource', keyLabel: 'Resource', valueLabel: 'Quantity', newKey: ['cpu', 'memory'] },
  labels: { noun: 'pod label', keyLabel: 'Label', valueLabel: 'Value', newKey: [] },
  annotations: { noun: 'pod annotation', keyLabel: 'Annotation', valueLabel: 'Value', newKey: [] },
  nodeSelector: { noun: 'node selector', keyLabel: 'Node label', valueLabel: 'Value', newKey: [] },
};

function mapWords(path: readonly PathSegment[]): Words {
  const last = String(path[path.length - 1]);
  return MAP_WORDS[last] ?? { noun: 'entry', keyLabel: 'Key', valueLabel: 'Value', newKey: ['key'] };
}

/** Moves focus to the first input of the last row after an Add, so the keyboard stays in place. */
function useFocusLastAfterAdd(count: number) {
  const container = useRef<HTMLDivElement>(null);
  const wanted = useRef(false);
  const previous = useRef(count);
  useEffect(() => {
    if (wanted.current && count > previous.current) {
      const inputs = container.current?.querySelectorAll<HTMLElement>('[data-row]:last-of-type input, [data-row]:last-of-type select, [data-row]:last-of-type textarea');
      inputs?.[0]?.focus();
      wanted.current = false;
    }
    previous.current = count;
  }, [count]);
  return { container, markAdd: () => (wanted.current = true) };
}

export function MapEditor({ path, field }: { path: readonly PathSegment[]; field: FormField }) {
  const form = useForm();
  const id = useId();
  const words = mapWords(path);
  const entries = Object.entries(recordOrEmpty(valueAt(form.root, path)));
  const problems = form.problemsAt(path);
  // A row added without a name, not in the spec until one is typed.
  const [pending, setPending] = useState(false);
  const { container, markAdd } = useFocusLastAfterAdd(entries.length + (pending ? 1 : 0));
  const quantities = field.kind === 'quantityMap';
  const taken = entries.map(([k]) => k);
  const add = () => {
    if (pending) {
      container.current?.querySelector<HTMLElement>('[data-row]:last-of-type input')?.focus();
      return;
    }
    markAdd();
    if (words.newKey.length === 0) {
      setPending(true);
      return;
    }
    const key = words.newKey.find((k) => !taken.includes(k)) ?? freeName(words.newKey[0] ?? 'key', taken, '_');
    form.apply({ op: 'set', path: [...path, key], value: quantities ? 1 : '' });
  };
  return (
    <fieldset className="mcs-form-map" aria-describedby={`${id}-help`}>
      <legend>{field.label}</legend>
      <Notes id={id} field={field} set={entries.length > 0} problems={problems} />
      <div ref={container}>
        {[
          ...entries.map(([key, value], index) => (
            <MapRow key={index} path={path} entryKey={key} value={value} index={index} words={words} quantities={quantities} taken={taken} />
          )),
          // In the same list and keyed by its index, so the row stays the same element (with the
          // focus) once it is named and in the spec.
          ...(pending
            ? [<MapRow key={entries.length} path={path} entryKey="" value={quantities ? 1 : ''} index={entries.length} words={words} quantities={quantities} taken={taken} onNamed={() => setPending(false)} />]
            : []),
        ]}
      </div>
      <button type="button" className="mcs-form-add" onClick={add}>
        Add {words.noun}
      </button>
    </fieldset>
  );
}

function MapRow(props: {
  path: readonly PathSegment[];
  entryKey: string;
  value: unknown;
  index: number;
  words: Words;
  quantities: boolean;
  taken: readonly string[];
  /** Set on a row not yet in the spec: it is written with the first name typed, then this is called (also on Remove). */
  onNamed?: () => void;
}) {
  const { path, entryKey, value, index, words, quantities, taken, onNamed } = props;
  const form = useForm();
  const id = useId();
  const [keyDraft, setKeyDraft] = useDraft(entryKey);
  const entryPath = [...path, entryKey];
  const keyProblem = keyDraft === '' ? 'Write a name.' : keyDraft !== entryKey && taken.includes(keyDraft) ? `"${keyDraft}" is already there.` : undefined;
  const shown = displayText(value);
  const valueProblem = quantities ? quantityProblem(shown) : undefined;
  const problems = form.problemsAt(entryPath, true);
  return (
    <div className="mcs-form-row" data-row>
      <div className="mcs-form-field">
        <label htmlFor={`${id}-k`}>{words.keyLabel}</label>
        <input
          id={`${id}-k`}
          data-spec-path={formatPath(entryPath)}
          type="text"
          value={keyDraft}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={keyProblem !== undefined || undefined}
          aria-describedby={keyProblem ? `${id}-kp` : undefined}
          onFocus={() => form.onFocusField?.(entryPath)}
          onChange={(event) => {
            const next = event.target.value;
            setKeyDraft(next);
            if (next === '' || next === entryKey || taken.includes(next)) return;
            if (onNamed) {
              form.apply({ op: 'set', path: [...path, next], value: quantities ? 1 : '' });
              onNamed();
            } else form.apply({ op: 'renameKey', path, from: entryKey, to: next });
          }}
        />
        {keyProblem && (
          <p className="mcs-form-problem" id={`${id}-kp`}>
            {keyProblem}
          </p>
        )}
      </div>
      <div className="mcs-form-field">
        <label htmlFor={`${id}-v`}>{words.valueLabel}</label>
        <input
          id={`${id}-v`}
          type="text"
          value={shown}
          // A value needs its name first (the row is not in the spec yet).
          disabled={onNamed !== undefined}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={valueProblem !== undefined || problems.length > 0 || undefined}
          aria-describedby={valueProblem || problems.length ? `${id}-vp` : undefined}
          onFocus={() => form.onFocusField?.(entryPath)}
          onChange={(event) => {
            const text = event.target.value;
            form.apply({ op: 'set', path: entryPath, value: quantities ? quantityValue(text) : text });
          }}
        />
        {(valueProblem || problems.length > 0) && (
          <p className="mcs-form-problem" id={`${id}-vp`}>
            {[valueProblem, ...problems.map((d) => d.message)].filter(Boolean).join(' ')}
          </p>
        )}
      </div>
      <button type="button" className="mcs-form-remove" onClick={() => (onNamed ? onNamed() : form.apply({ op: 'clear', path: entryPath }))}>
        Remove {words.noun} {index + 1}
      </button>
    </div>
  );
}

const LIST_NOUNS: Record<string, string> = { ports: 'port', add: 'added capability', drop: 'dropped capability' };

export function ListEditor({ path, field }: { path: readonly PathSegment[]; field: FormField }) {
  const form = useForm();
  const id = useId();
  const noun = LIST_NOUNS[String(path[path.length - 1])] ?? 'item';
  const items = asArray(valueAt(form.root, path));
  const problems = form.problemsAt(path);
  const ports = field.kind === 'portList';
  const { container, markAdd } = useFocusLastAfterAdd(items.length);
  const add = () => {
    markAdd();
    const taken = new Set(items.map(String));
    let port = 8080;
    while (taken.has(String(port))) port++;
    form.apply({ op: 'add', path, value: ports ? port : '' });
  };
  return (
    <fieldset className="mcs-form-map" aria-describedby={`${id}-help`}>
      <legend>{field.label}</legend>
      <Notes id={id} field={field} set={items.length > 0} problems={problems} />
      <div ref={container} className="mcs-form-list">
        {items.map((item, index) => (
          <ListRow key={index} path={[...path, index]} listPath={path} item={item} label={`${capitalise(noun)} ${index + 1}`} noun={noun} index={index} ports={ports} />
        ))}
      </div>
      <button type="button" className="mcs-form-add" onClick={add}>
        Add {noun}
      </button>
    </fieldset>
  );
}

function ListRow(props: { path: readonly PathSegment[]; listPath: readonly PathSegment[]; item: unknown; label: string; noun: string; index: number; ports: boolean }) {
  const { path, listPath, item, label, noun, index, ports } = props;
  const form = useForm();
  const id = useId();
  const shown = displayText(item);
  const [draft, setDraft] = useDraft(shown);
  const parsed = ports ? integerInput(draft, 1, 65535) : undefined;
  const problems = form.problemsAt(path, true);
  const local = parsed && 'empty' in parsed ? 'Write a port number.' : parsed ? localProblem(parsed, problems) : undefined;
  return (
    <div className="mcs-form-row" data-row>
      <div className="mcs-form-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          data-spec-path={formatPath(path)}
          type={ports ? 'number' : 'text'}
          min={ports ? 1 : undefined}
          max={ports ? 65535 : undefined}
          value={draft}
          aria-invalid={local !== undefined || problems.length > 0 || undefined}
          aria-describedby={[...(local ? [`${id}-local`] : []), ...problems.map((_, i) => `${id}-p${i}`)].join(' ') || undefined}
          onFocus={() => form.onFocusField?.(path)}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            if (!ports) form.apply({ op: 'set', path, value: text });
            else {
              const next = integerInput(text, 1, 65535);
              if ('value' in next) form.apply({ op: 'set', path, value: next.value });
            }
          }}
        />
        {local && (
          <p className="mcs-form-problem" id={`${id}-local`}>
            {local}
          </p>
        )}
        {problems.map((d, i) => (
          <p key={i} className="mcs-form-problem" id={`${id}-p${i}`}>
            {d.message}
          </p>
        ))}
      </div>
      <button type="button" className="mcs-form-remove" onClick={() => form.apply({ op: 'remove', path: listPath, index })}>
        Remove {noun} {index + 1}
      </button>
    </div>
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
