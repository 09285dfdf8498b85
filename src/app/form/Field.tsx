/** One spec field of the form: its label, input, default, help text and problems. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { type Diagnostic, formatPath, type FormField, type PathSegment, valueAt } from '../../core/page.ts';
import { ListEditor, MapEditor } from './collections.tsx';
import { useForm } from './formContext.ts';
import { displayText, integerInput, localProblem, quantityProblem } from './formModel.ts';

export interface FieldProps {
  /** Path of the object holding the field, e.g. ['spec', 'containers', 0]. */
  base: readonly PathSegment[];
  field: FormField;
  /** The value is fixed while unset (the only container always runs Flux): shown, not editable. */
  fixedWhenUnset?: boolean;
}

export function Field({ base, field, fixedWhenUnset }: FieldProps) {
  const path = [...base, ...field.key];
  switch (field.kind) {
    case 'stringMap':
    case 'quantityMap':
      return <MapEditor path={path} field={field} />;
    case 'portList':
    case 'stringList':
      return <ListEditor path={path} field={field} />;
    case 'boolean':
      return <SwitchField path={path} field={field} fixedWhenUnset={fixedWhenUnset === true} />;
    default:
      return <ScalarField path={path} field={field} />;
  }
}

interface PathFieldProps {
  path: readonly PathSegment[];
  field: FormField;
}

/** Help text, the default and problems under an input; returns the ids for aria-describedby. */
function Notes({ id, field, set, problems, local }: { id: string; field: FormField; set: boolean; problems: readonly Diagnostic[]; local?: string | undefined }) {
  return (
    <>
      <p className="mcs-form-help" id={`${id}-help`}>
        {field.help}
        {!set && field.defaultText !== undefined && (
          <span className="mcs-form-default"> Not set: {defaultPhrase(field)}.</span>
        )}
      </p>
      {local && (
        <p className="mcs-form-problem" id={`${id}-local`} data-severity="error">
          {local}
        </p>
      )}
      {problems.map((d, i) => (
        <p key={i} className="mcs-form-problem" id={`${id}-p${i}`} data-severity={d.severity}>
          {d.message}
        </p>
      ))}
    </>
  );
}

function defaultPhrase(field: FormField): string {
  if (field.kind === 'boolean') return field.defaultText === 'true' ? 'on' : 'off';
  return field.defaultText ?? '';
}

function describedBy(id: string, problems: readonly Diagnostic[], local?: string): string {
  return [`${id}-help`, ...(local ? [`${id}-local`] : []), ...problems.map((_, i) => `${id}-p${i}`)].join(' ');
}

function FieldShell({ id, field, children, wide, set, problems, local }: { id: string; field: FormField; children: ReactNode; wide?: boolean; set: boolean; problems: readonly Diagnostic[]; local?: string | undefined }) {
  return (
    <div className={`mcs-form-field${wide ? ' mcs-form-field--wide' : ''}${problems.length || local ? ' mcs-form-field--invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {children}
      <Notes id={id} field={field} set={set} problems={problems} local={local} />
    </div>
  );
}

function SwitchField({ path, field, fixedWhenUnset }: PathFieldProps & { fixedWhenUnset: boolean }) {
  const form = useForm();
  const id = useId();
  const value = valueAt(form.root, path);
  const problems = form.problemsAt(path);
  const checked = value === undefined ? field.defaultText === 'true' : value === true;
  const unset = value === undefined;
  return (
    <div className={`mcs-form-field mcs-form-field--switch${problems.length ? ' mcs-form-field--invalid' : ''}${unset ? ' mcs-form-field--unset' : ''}`}>
      <div className="mcs-form-switch">
        <input
          id={id}
          data-spec-path={formatPath(path)}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={unset && fixedWhenUnset}
          aria-describedby={describedBy(id, problems)}
          aria-invalid={problems.length > 0 || undefined}
          onFocus={() => form.onFocusField?.(path)}
          onChange={(event) => {
            const on = event.target.checked;
            // Off is the default of every switch: clearing keeps the spec short.
            form.apply(on || field.defaultText === 'true' ? { op: 'set', path, value: on } : { op: 'clear', path });
          }}
        />
        <label htmlFor={id}>{field.label}</label>
      </div>
      <Notes id={id} field={field} set={value !== undefined} problems={problems} />
    </div>
  );
}

/**
 * Text being typed that the spec cannot hold yet (an unfinished number) stays in the input; when
 * the spec changes from elsewhere (YAML, undo), the input follows it.
 */
function useDraft(external: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(external);
  const seen = useRef(external);
  useEffect(() => {
    if (seen.current !== external) {
      seen.current = external;
      setDraft(external);
    }
  }, [external]);
  return [draft, setDraft];
}

function ScalarField({ path, field }: PathFieldProps) {
  const form = useForm();
  const id = useId();
  const value = valueAt(form.root, path);
  const shown = displayText(value);
  const [draft, setDraft] = useDraft(shown);
  const problems = form.problemsAt(path);
  const set = value !== undefined;
  const focus = () => form.onFocusField?.(path);

  // Emptying a field to retype it is one edit of its value: while the field has focus its key
  // stays where it is, with the old value, so the retyped value lands in place with its comment.
  // Leaving the field empty removes the key.
  // Only a field the user emptied: tabbing through a `key: ""` of the YAML leaves it as it is.
  const emptied = useRef(false);
  const type = (text: string, write: () => void) => {
    setDraft(text);
    emptied.current = text === '';
    if (text !== '') write();
  };
  const clearIfEmpty = () => {
    if (emptied.current && draft === '' && set) form.apply({ op: 'clear', path });
    emptied.current = false;
  };
  const writeText = (text: string) => type(text, () => form.apply({ op: 'set', path, value: text }));

  if (field.kind === 'integer') {
    const parsed = integerInput(draft, field.min, field.max);
    const local = localProblem(parsed, problems);
    return (
      <FieldShell id={id} field={field} set={set} problems={problems} local={local}>
        <input
          id={id}
          data-spec-path={formatPath(path)}
          type="number"
          inputMode="numeric"
          step={1}
          min={field.min}
          max={field.max}
          value={draft}
          placeholder={field.defaultText}
          aria-describedby={describedBy(id, problems, local)}
          aria-invalid={problems.length > 0 || local !== undefined || undefined}
          onFocus={focus}
          onBlur={clearIfEmpty}
          onChange={(event) => {
            const text = event.target.value;
            // A number input reports "" for text it cannot read ("1e", "-"): that is not an empty field.
            if (event.target.validity.badInput) {
              setDraft(text);
              return;
            }
            type(text, () => {
              const next = integerInput(text, field.min, field.max);
              if ('value' in next && next.value !== value) form.apply({ op: 'set', path, value: next.value });
            });
          }}
        />
      </FieldShell>
    );
  }

  if (field.kind === 'select' && !field.free) {
    const options = field.options ?? [];
    return (
      <FieldShell id={id} field={field} set={set} problems={problems}>
        <select
          id={id}
          data-spec-path={formatPath(path)}
          value={shown}
          aria-describedby={describedBy(id, problems)}
          aria-invalid={problems.length > 0 || undefined}
          onFocus={focus}
          onChange={(event) => {
            const text = event.target.value;
            // Choosing "Default" is an explicit clear.
            form.apply(text === '' ? { op: 'clear', path } : { op: 'set', path, value: text });
          }}
        >
          <option value="">{field.defaultText !== undefined ? `Default (${field.defaultText})` : 'Not set'}</option>
          {shown !== '' && !options.includes(shown) && <option value={shown}>{shown}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  }

  if (field.kind === 'multiline') {
    return (
      <FieldShell id={id} field={field} set={set} problems={problems} wide>
        <textarea
          id={id}
          data-spec-path={formatPath(path)}
          value={draft}
          rows={Math.min(12, Math.max(2, draft.split('\n').length + 1))}
          placeholder={field.defaultText}
          spellCheck={false}
          aria-describedby={describedBy(id, problems)}
          aria-invalid={problems.length > 0 || undefined}
          onFocus={focus}
          onBlur={clearIfEmpty}
          onChange={(event) => writeText(event.target.value)}
        />
      </FieldShell>
    );
  }

  const local = field.kind === 'quantity' ? quantityProblem(draft) : undefined;
  const listId = field.free && field.options ? `${id}-options` : undefined;
  return (
    <FieldShell id={id} field={field} set={set} problems={problems} local={local} wide={field.free === true}>
      <input
        id={id}
        data-spec-path={formatPath(path)}
        type="text"
        value={draft}
        placeholder={field.defaultText}
        list={listId}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={describedBy(id, problems, local)}
        aria-invalid={problems.length > 0 || local !== undefined || undefined}
        onFocus={focus}
        onBlur={clearIfEmpty}
        onChange={(event) => writeText(event.target.value)}
      />
      {listId && (
        <datalist id={listId}>
          {field.options?.map((o) => <option key={o} value={o} />)}
        </datalist>
      )}
    </FieldShell>
  );
}

export { Notes, useDraft };
