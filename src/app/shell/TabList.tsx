/**
 * A row of tabs by the WAI-ARIA tabs pattern: the arrow keys, Home and End move between the tabs
 * (and choose them), Tab goes on into the panel; only the chosen tab is a tab stop. The spec's
 * Form and YAML tabs and the output's Objects and Cluster tabs are made with it.
 */
import { useRef, type KeyboardEvent } from 'react';
import '../form/tabs.css';

export interface Tab<V extends string> {
  value: V;
  label: string;
}

export interface TabListProps<V extends string> {
  tabs: readonly Tab<V>[];
  value: V;
  onChange(value: V): void;
  /** Names the row for assistive technology. */
  label: string;
  className: string;
  /** The id of a tab's button; its panel points back to it. */
  tabId(value: V): string;
  /** The id of the panel a tab shows. */
  panelId(value: V): string;
}

export function TabList<V extends string>({ tabs, value, onChange, label, className, tabId, panelId }: TabListProps<V>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.value === value);
    const next = ({ ArrowRight: (index + 1) % tabs.length, ArrowLeft: (index - 1 + tabs.length) % tabs.length, Home: 0, End: tabs.length - 1 } as Record<string, number>)[event.key];
    const tab = next === undefined ? undefined : tabs[next];
    if (next === undefined || !tab) return;
    event.preventDefault();
    onChange(tab.value);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => (
        <button
          key={tab.value}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(tab.value)}
          aria-selected={value === tab.value}
          aria-controls={panelId(tab.value)}
          tabIndex={value === tab.value ? 0 : -1}
          onClick={() => onChange(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
