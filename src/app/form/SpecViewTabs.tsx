/**
 * The "Form" and "YAML" tabs over one spec. The YAML panel stays mounted while hidden so that the
 * editor keeps its model, and with it the undo history both views share.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export type SpecView = 'form' | 'yaml';

export interface SpecViewTabsProps {
  view: SpecView;
  onViewChange(view: SpecView): void;
  yaml: ReactNode;
  /** Rendered only while its tab is selected. */
  form: () => ReactNode;
}

const TABS: readonly { view: SpecView; label: string }[] = [
  { view: 'form', label: 'Form' },
  { view: 'yaml', label: 'YAML' },
];

export function SpecViewTabs({ view, onViewChange, yaml, form }: SpecViewTabsProps) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.view === view);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    event.preventDefault();
    onViewChange(TABS[next]!.view);
    tabs.current[next]?.focus();
  };
  return (
    <div className="mcs-spec-views">
      <div role="tablist" aria-label="Spec view" className="mcs-spec-tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab, i) => (
          <button
            key={tab.view}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.view}-tab`}
            aria-selected={view === tab.view}
            aria-controls={`${id}-${tab.view}-panel`}
            tabIndex={view === tab.view ? 0 : -1}
            onClick={() => onViewChange(tab.view)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-form-panel`} aria-labelledby={`${id}-form-tab`} className="mcs-form-pane" hidden={view !== 'form'}>
        {view === 'form' && form()}
      </div>
      <div role="tabpanel" id={`${id}-yaml-panel`} aria-labelledby={`${id}-yaml-tab`} className="mcs-editor-pane" hidden={view !== 'yaml'}>
        {yaml}
      </div>
    </div>
  );
}
