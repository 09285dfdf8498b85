/**
 * "Objects" and "Cluster": what the output column shows under its bar, the objects' cards or the
 * cluster picture. The WAI-ARIA tabs pattern, as the spec's Form and YAML tabs: the arrow keys,
 * Home and End move between the tabs, Tab goes on into the panel. Only the shown panel is made.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { OutputView } from '../state/storage.ts';
import '../form/tabs.css';

const TABS: readonly { view: OutputView; label: string }[] = [
  { view: 'objects', label: 'Objects' },
  { view: 'cluster', label: 'Cluster' },
];

export interface OutputViewTabsProps {
  view: OutputView;
  onViewChange(view: OutputView): void;
  children: ReactNode;
}

export function OutputViewTabs({ view, onViewChange, children }: OutputViewTabsProps) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.view === view);
    const next = { ArrowRight: (index + 1) % TABS.length, ArrowLeft: (index - 1 + TABS.length) % TABS.length, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onViewChange(TABS[next]!.view);
    tabs.current[next]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label="Output view" className="mcs-spec-tabs mcs-output-tabs" onKeyDown={onKeyDown}>
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
            aria-controls={`${id}-panel`}
            tabIndex={view === tab.view ? 0 : -1}
            onClick={() => onViewChange(tab.view)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${view}-tab`} className="mcs-output-panel">
        {children}
      </div>
    </>
  );
}
