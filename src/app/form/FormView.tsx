/**
 * The form view of the spec. It holds no state of its own: it reads the YAML text, and every
 * change is an edit of that text (src/core/edit), so the YAML view, undo and the output follow.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { applySpecEdits, BURST_CLUSTER_FIELDS, CONTAINER_FIELDS, type Diagnostic, type DocumentRange, FLUX_FIELDS, formatPath, type FormField, helpAt, JOB_FIELDS, LEAD_BROKER_FIELDS, LOGGING_FIELDS, METADATA_FIELDS, NETWORK_FIELDS, parseSpecText, type PathSegment, POD_FIELDS, SECURITY_FIELDS, SIZE_FIELDS, type SpecEdit, valueAt, VOLUME_FIELDS, yamlOnlyFieldsIn, yamlOnlySchemaFields } from '../../core/index.ts';
import { capitalise } from './collections.tsx';
import { Field, useDraft } from './Field.tsx';
import { FormContext, useForm, type FormContextValue } from './formContext.ts';
import { addContainerEdits, asArray, recordOrEmpty, displayText, freeName, indexProblems } from './formModel.ts';
import { useOutputLinks } from './useOutputLinks.ts';
import './form.css';

export interface FormViewProps {
  /** The spec text, the one source of truth. */
  text: string;
  /** In a file of several documents, the range of the one to show and edit (else the first). */
  document?: DocumentRange | undefined;
  /** The same problems the editor shows. */
  diagnostics: readonly Diagnostic[];
  /** Every form change, as the whole new text. */
  onEdit(text: string): void;
  /**
   * Undo and redo of the shared history (the YAML editor's), for the toolbar; absent until the
   * editor is ready. Ctrl+Z and Ctrl+Y in the form are the page's shortcuts for the same, scoped to
   * the element marked `data-shortcut-scope="form"` (shell/shortcuts.ts).
   */
  onUndo?: (() => void) | undefined;
  onRedo?: (() => void) | undefined;
  /** The spec field that has focus, e.g. to highlight what it changes in the output. */
  onFocusField?: ((path: readonly PathSegment[]) => void) | undefined;
}

const YAML_ONLY = yamlOnlySchemaFields();
const RUN_FLUX: ReadonlySet<string> = new Set(['runFlux']);

export function FormView({ text, document, diagnostics, onEdit, onUndo, onRedo, onFocusField }: FormViewProps) {
  const start = document?.start;
  const end = document?.end;
  const target = useMemo(() => (start === undefined || end === undefined ? undefined : { start, end }), [start, end]);
  // Only the value is read here, so the document's own text will do (no positions to keep).
  const root = useMemo(() => parseSpecText(target ? text.slice(target.start, target.end) : text).value, [text, target]);
  const problems = useMemo(() => indexProblems(diagnostics), [diagnostics]);
  const [editProblem, setEditProblem] = useState('');
  const apply = useCallback(
    (edits: SpecEdit | readonly SpecEdit[]) => {
      const result = applySpecEdits(text, Array.isArray(edits) ? edits : [edits as SpecEdit], target);
      if (result.ok) {
        setEditProblem('');
        if (result.text !== text) onEdit(result.text);
      } else setEditProblem(result.reason);
    },
    [text, target, onEdit],
  );
  const formRef = useRef<HTMLFormElement>(null);
  const highlightField = useOutputLinks(root, formRef);
  const focusField = useCallback(
    (path: readonly PathSegment[]) => {
      highlightField(path);
      onFocusField?.(path);
    },
    [highlightField, onFocusField],
  );
  const context = useMemo<FormContextValue>(
    () => ({ root, apply, problemsAt: problems.at, onFocusField: focusField }),
    [root, apply, problems, focusField],
  );
  const setOnlyInYaml = useMemo(() => yamlOnlyFieldsIn(root), [root]);

  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return (
      <div className="mcs-form" data-shortcut-scope="form">
        <Toolbar onUndo={onUndo} onRedo={onRedo} />
        <p className="mcs-form-blocked" role="alert">
          The form cannot read this spec: the YAML has errors (see Problems). Fix them in the YAML view, or undo.
        </p>
      </div>
    );
  }

  return (
    <FormContext.Provider value={context}>
      <form ref={formRef} className="mcs-form" aria-label="MiniCluster spec (form)" data-shortcut-scope="form" onSubmit={(event) => event.preventDefault()} noValidate>
        <Toolbar onUndo={onUndo} onRedo={onRedo} />
        {editProblem && (
          <p className="mcs-form-blocked" role="alert">
            {editProblem}
          </p>
        )}
        {setOnlyInYaml.length > 0 && (
          <p className="mcs-form-note">
            This spec also sets fields that only the YAML view edits: {setOnlyInYaml.map((p, i) => <code key={i}>{p}</code>).reduce<ReactNode[]>((out, c, i) => (i ? [...out, ', ', c] : [c]), [])}.
            They are kept as they are.
          </p>
        )}
        <Section title="MiniCluster">
          <Fields base={['metadata']} fields={METADATA_FIELDS} />
          <Fields base={['spec']} fields={SIZE_FIELDS} />
          <Fields base={['spec']} fields={JOB_FIELDS} />
        </Section>
        <ContainerList listKey="containers" noun="container" title="Containers" />
        <ContainerList listKey="services" noun="service" title="Services (sidecar pod)" />
        <Section title="Flux">
          <Fields base={['spec', 'flux']} fields={fluxFields(valueAt(root, ['spec', 'flux']) !== undefined)} />
        </Section>
        <Section title="Network">
          <Fields base={['spec', 'network']} fields={NETWORK_FIELDS} />
        </Section>
        <Section title="Pods">
          <Fields base={['spec', 'pod']} fields={POD_FIELDS} />
        </Section>
        <Section title="Logging">
          <Fields base={['spec', 'logging']} fields={LOGGING_FIELDS} />
        </Section>
        <Section title="Bursting">
          <Fields base={['spec', 'flux', 'bursting', 'leadBroker']} fields={LEAD_BROKER_FIELDS} />
          <ClusterList />
        </Section>
        <details className="mcs-form-yaml-only">
          <summary>Fields only the YAML view edits</summary>
          <p>The form leaves these to the YAML view (hover a key there for its meaning):</p>
          <ul>
            {YAML_ONLY.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </details>
      </form>
    </FormContext.Provider>
  );
}

/**
 * The CRD default of the connect timeout applies only when a `flux:` key is written (the form
 * writes one with the first Flux field it sets).
 */
const FLUX_FIELDS_WITHOUT_KEY = FLUX_FIELDS.map((f) => (f.key.join('.') === 'connectTimeout' ? { ...f, defaultText: `none (${f.defaultText ?? ''} once a flux: key is written)` } : f));
const fluxFields = (written: boolean) => (written ? FLUX_FIELDS : FLUX_FIELDS_WITHOUT_KEY);

function Toolbar({ onUndo, onRedo }: { onUndo?: (() => void) | undefined; onRedo?: (() => void) | undefined }) {
  return (
    <div className="mcs-form-toolbar">
      <button type="button" onClick={onUndo} disabled={!onUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={onRedo} disabled={!onRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <span className="mcs-form-toolbar-note">Changes here edit the YAML; comments and layout elsewhere stay.</span>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mcs-form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function Fields({ base, fields, fixed }: { base: readonly PathSegment[]; fields: readonly FormField[]; fixed?: ReadonlySet<string> }) {
  const scalars = fields.filter((f) => !['stringMap', 'quantityMap', 'portList', 'stringList'].includes(f.kind));
  const collections = fields.filter((f) => !scalars.includes(f));
  return (
    <>
      <div className="mcs-form-grid">
        {scalars.map((f) => (
          <Field key={f.key.join('.')} base={base} field={f} fixedWhenUnset={fixed?.has(f.key.join('.'))} />
        ))}
      </div>
      {collections.map((f) => (
        <Field key={f.key.join('.')} base={base} field={f} />
      ))}
    </>
  );
}

function ItemButtons({ noun, index, count, listPath }: { noun: string; index: number; count: number; listPath: readonly PathSegment[] }) {
  const form = useForm();
  const n = index + 1;
  return (
    <div className="mcs-form-item-buttons">
      <button type="button" disabled={index === 0} onClick={() => form.apply({ op: 'move', path: listPath, from: index, to: index - 1 })}>
        Move {noun} {n} up
      </button>
      <button type="button" disabled={index === count - 1} onClick={() => form.apply({ op: 'move', path: listPath, from: index, to: index + 1 })}>
        Move {noun} {n} down
      </button>
      <button type="button" className="mcs-form-remove" onClick={() => form.apply({ op: 'remove', path: listPath, index })}>
        Remove {noun} {n}
      </button>
    </div>
  );
}

function ContainerList({ listKey, noun, title }: { listKey: 'containers' | 'services'; noun: string; title: string }) {
  const form = useForm();
  const listPath = ['spec', listKey];
  const items = asArray(valueAt(form.root, listPath));
  const problems = form.problemsAt(listPath);
  const focusWhenShown = useFocusWhenShown();
  const add = () => {
    // Asked first: the edit may render at once (an answer committed with flushSync).
    focusWhenShown(formatPath([...listPath, items.length, 'image']));
    form.apply(addContainerEdits(listKey, items));
  };
  return (
    <fieldset className="mcs-form-section">
      <legend>{title}</legend>
      <p className="mcs-form-help">{helpAt(['spec', listKey])}</p>
      {problems.map((d, i) => (
        <p key={i} className="mcs-form-problem" data-severity={d.severity}>
          {d.message}
        </p>
      ))}
      {items.map((item, index) => (
        <ContainerItem key={index} base={[...listPath, index]} noun={noun} index={index} count={items.length} item={item} />
      ))}
      <button type="button" className="mcs-form-add" onClick={add}>
        Add {noun}
      </button>
    </fieldset>
  );
}

function ContainerItem({ base, noun, index, count, item }: { base: PathSegment[]; noun: string; index: number; count: number; item: unknown }) {
  const form = useForm();
  const record = recordOrEmpty(item);
  const name = displayText(record['name']);
  const image = displayText(record['image']);
  const problems = form.problemsAt(base);
  // The only container runs Flux whatever it says; until runFlux is written the switch shows that.
  const onlyRunner = base[1] === 'containers' && count === 1;
  const scalarFields = CONTAINER_FIELDS.filter((f) => !['stringMap', 'quantityMap', 'portList'].includes(f.kind)).map((f) =>
    onlyRunner && f.key.join('.') === 'runFlux' ? { ...f, defaultText: 'true' } : f,
  );
  const byKey = (key: string) => CONTAINER_FIELDS.filter((f) => f.key.join('.') === key);
  return (
    <fieldset className="mcs-form-item">
      <legend>
        {capitalise(noun)} {index + 1}
      </legend>
      <p className="mcs-form-item-summary" aria-hidden="true">
        {[name, image].filter(Boolean).join(' · ')}
      </p>
      {problems.map((d, i) => (
        <p key={i} className="mcs-form-problem" data-severity={d.severity}>
          {d.message}
        </p>
      ))}
      <Fields base={base} fields={scalarFields} fixed={onlyRunner ? RUN_FLUX : undefined} />
      <Fields base={base} fields={byKey('environment')} />
      <Fields base={base} fields={byKey('ports')} />
      <fieldset className="mcs-form-map">
        <legend>Resources</legend>
        <Fields base={base} fields={[...byKey('resources.limits'), ...byKey('resources.requests')]} />
      </fieldset>
      <VolumesEditor base={[...base, 'volumes']} />
      <details className="mcs-form-details" open={record['securityContext'] !== undefined}>
        <summary>Security context</summary>
        <Fields base={[...base, 'securityContext']} fields={SECURITY_FIELDS} />
      </details>
      <ItemButtons noun={noun} index={index} count={count} listPath={base.slice(0, -1)} />
    </fieldset>
  );
}

function VolumesEditor({ base }: { base: PathSegment[] }) {
  const form = useForm();
  const volumes = Object.entries(recordOrEmpty(valueAt(form.root, base)));
  const focusWhenShown = useFocusWhenShown();
  const add = () => {
    const key = freeName('data', volumes.map(([k]) => k));
    // A volume needs a source; without one it is a claim, so its name is the field still to write.
    focusWhenShown(formatPath([...base, key, 'claimName']));
    form.apply({ op: 'set', path: [...base, key], value: { path: `/${key}` } });
  };
  return (
    <fieldset className="mcs-form-map">
      <legend>Volumes</legend>
      {volumes.length === 0 && <p className="mcs-form-help">{helpAt(['spec', 'containers', '*', 'volumes'])}</p>}
      {volumes.map(([name], index) => (
        <fieldset className="mcs-form-item mcs-form-item--nested" key={index}>
          <legend>Volume {index + 1}</legend>
          <VolumeName base={base} name={name} taken={volumes.map(([k]) => k)} />
          <Fields base={[...base, name]} fields={VOLUME_FIELDS} />
          <button type="button" className="mcs-form-remove" onClick={() => form.apply({ op: 'clear', path: [...base, name] })}>
            Remove volume {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="mcs-form-add" onClick={add}>
        Add volume
      </button>
    </fieldset>
  );
}

function VolumeName({ base, name, taken }: { base: PathSegment[]; name: string; taken: string[] }) {
  const form = useForm();
  const [draft, setDraft] = useDraft(name);
  const id = `${base.join('-')}-volume-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const problem = draft === '' ? 'Write a name.' : draft !== name && taken.includes(draft) ? `"${draft}" is already there.` : undefined;
  const problems = form.problemsAt([...base, name]);
  return (
    <div className="mcs-form-grid">
      <div className={`mcs-form-field${problem || problems.length ? ' mcs-form-field--invalid' : ''}`}>
        <label htmlFor={id}>Volume name</label>
        <input
          id={id}
          data-spec-path={formatPath([...base, name])}
          type="text"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem !== undefined || problems.length > 0 || undefined}
          aria-describedby={`${id}-help`}
          onFocus={() => form.onFocusField?.([...base, name])}
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            if (next !== '' && next !== name && !taken.includes(next)) form.apply({ op: 'renameKey', path: base, from: name, to: next });
          }}
        />
        <p className="mcs-form-help" id={`${id}-help`}>
          {helpAt(['spec', 'containers', '*', 'volumes'])}
        </p>
        {[problem, ...problems.map((d) => d.message)].filter(Boolean).map((m, i) => (
          <p key={i} className="mcs-form-problem">
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * Focus for the field an Add made: it is rendered with the edited text, so the focus moves after
 * the next render (the one of the edit; an edit that failed leaves the focus where it was).
 */
function useFocusWhenShown(): (specPath: string) => void {
  const wanted = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (wanted.current === undefined) return;
    const input = document.querySelector<HTMLElement>(`[data-spec-path="${CSS.escape(wanted.current)}"]`);
    wanted.current = undefined;
    input?.focus();
  });
  return useCallback((specPath: string) => {
    wanted.current = specPath;
  }, []);
}

function ClusterList() {
  const form = useForm();
  const listPath = ['spec', 'flux', 'bursting', 'clusters'];
  const clusters = asArray(valueAt(form.root, listPath));
  return (
    <fieldset className="mcs-form-map">
      <legend>Bursted clusters</legend>
      <p className="mcs-form-help">{helpAt(['spec', 'flux', 'bursting', 'clusters'])}</p>
      {clusters.map((_, index) => (
        <fieldset className="mcs-form-item mcs-form-item--nested" key={index}>
          <legend>Bursted cluster {index + 1}</legend>
          <Fields base={[...listPath, index]} fields={BURST_CLUSTER_FIELDS} />
          <ItemButtons noun="bursted cluster" index={index} count={clusters.length} listPath={listPath} />
        </fieldset>
      ))}
      <button type="button" className="mcs-form-add" onClick={() => form.apply({ op: 'add', path: listPath, value: { name: `burst-${clusters.length}` } })}>
        Add bursted cluster
      </button>
    </fieldset>
  );
}
