/**
 * The Output panel: where the objects will run (a JobSet, a Kueue queue and priority class, a Job
 * that finishes with the lead broker, the certificate in a Secret, a gang scheduler's PodGroup).
 * One control per row of the core's `OUTPUT_OPTIONS` (a checkbox, a text or number input, or a
 * select for a choice), each with what it does and what the cluster needs. Closed by default,
 * with what is on in its summary line; open from the start when an option is on (a share link or
 * the autosave brought them).
 *
 * An empty text input is off. A value that is not valid is kept in its input with its message
 * under it; the preview then keeps its last output, marked out of date (see respond.ts).
 */
import { memo, useId, useState, type ReactNode } from 'react';
import { OUTPUT_OPTIONS, isDefaultOutput, type OptionProblem, type OutputOptionInfo } from '../../core/page.ts';
import { optionsOf, optionsOnWords, type OutputDraft } from './outputOptions.ts';
import '../shell/disclosure.css';
import './output.css';

export interface OutputPanelProps {
  value: OutputDraft;
  /** The problems of `value` (`optionValueProblems` of its options). */
  problems: readonly OptionProblem[];
  /** Must be stable (the panel is memoised). */
  onChange(next: OutputDraft): void;
}

function OutputPanelImpl({ value, problems, onChange }: OutputPanelProps) {
  const id = useId();
  const options = optionsOf(value);
  const [open, setOpen] = useState(() => !isDefaultOutput(options));
  const words = optionsOnWords(options);
  // The draft has one entry per row, of the control the row's kind gives: a checkbox's boolean or an input's text.
  const set = (key: OutputOptionInfo['key'], next: boolean | string) => onChange({ ...value, [key]: next } as OutputDraft);

  const control = (info: OutputOptionInfo, describedBy: string, problemId: string): ReactNode => {
    const controlId = `${id}-${info.key}`;
    const key = info.key;
    const current: boolean | string = value[key];
    const invalid = problems.some((p) => p.option === key);
    const described = invalid ? `${problemId} ${describedBy}` : describedBy;
    const kind = info.value;
    // A choice of two, one of which is off (the operator's own Job beside a JobSet), is best said by a checkbox.
    const onChoice = kind.kind === 'choice' && kind.off !== undefined && kind.choices.length === 2 ? kind.choices.find((choice) => choice !== kind.off) : undefined;
    if (kind.kind === 'switch' || (kind.kind === 'choice' && onChoice !== undefined)) {
      const off = kind.kind === 'choice' ? (kind.off ?? '') : false;
      return (
        <label className="mcs-output-check">
          <input
            id={controlId}
            type="checkbox"
            checked={onChoice === undefined ? current === true : current === onChoice}
            aria-describedby={describedBy}
            onChange={(event) => set(key, event.currentTarget.checked ? (onChoice ?? true) : off)}
          />
          {info.label}
        </label>
      );
    }
    const label = (
      <label className="mcs-output-label" htmlFor={controlId}>
        {info.label}
      </label>
    );
    const text = typeof current === 'string' ? current : '';
    if (kind.kind === 'choice') {
      return (
        <>
          {label}
          <select
            id={controlId}
            className="mcs-output-input"
            value={text}
            aria-invalid={invalid || undefined}
            aria-describedby={described}
            onChange={(event) => set(key, event.currentTarget.value)}
          >
            {kind.off === undefined && <option value="">off</option>}
            {kind.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </>
      );
    }
    const number = kind.kind === 'number';
    return (
      <>
        {label}
        <input
          id={controlId}
          className="mcs-output-input"
          type={number ? 'number' : 'text'}
          {...(number ? { min: kind.min, step: 1, inputMode: 'numeric' as const } : {})}
          value={text}
          placeholder="off"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={invalid || undefined}
          aria-describedby={described}
          onChange={(event) => set(key, event.currentTarget.value)}
        />
      </>
    );
  };

  return (
    <details className="mcs-output mcs-disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="mcs-output-summary mcs-disclosure-summary">
        <span className="mcs-output-title mcs-disclosure-title">Output options</span>
        <span className="mcs-output-state mcs-disclosure-state">{words.length > 0 ? words.join(' · ') : 'none: the operator’s own objects'}</span>
      </summary>
      <div className="mcs-output-body mcs-disclosure-body">
        <p className="mcs-output-intro">
          Where the objects will run. These are not MiniCluster fields: they are never written into the spec, but the
          share link and autosave keep them.
        </p>
        <div className="mcs-output-grid">
          {OUTPUT_OPTIONS.map((info) => {
            const doesId = `${id}-${info.key}-does`;
            const needsId = `${id}-${info.key}-needs`;
            const problemId = `${id}-${info.key}-problem`;
            const problem = problems.find((p) => p.option === info.key);
            return (
              <div key={info.key} className="mcs-output-option" data-invalid={problem ? true : undefined}>
                {control(info, `${doesId} ${needsId}`, problemId)}
                {problem && (
                  <p id={problemId} className="mcs-output-problem">
                    {problem.message}
                  </p>
                )}
                <p id={doesId} className="mcs-output-does">
                  {info.does}
                </p>
                <p id={needsId} className="mcs-output-needs">
                  <span className="mcs-output-needs-label">Needs:</span> {info.needs}
                </p>
              </div>
            );
          })}
        </div>
      </div>
    </details>
  );
}

export const OutputPanel = memo(OutputPanelImpl);
