/**
 * "Objects" and "Cluster": what the output column shows under its bar, the objects' cards or the
 * cluster picture. The WAI-ARIA tabs pattern, as the spec's Form and YAML tabs: the arrow keys,
 * Home and End move between the tabs, Tab goes on into the panel. Only the shown panel is made.
 */
import { useId, type ReactNode } from 'react';
import type { OutputView } from '../state/storage.ts';
import { TabList, type Tab } from '../shell/TabList.tsx';

const TABS: readonly Tab<OutputView>[] = [
  { value: 'objects', label: 'Objects' },
  { value: 'cluster', label: 'Cluster' },
];

export interface OutputViewTabsProps {
  view: OutputView;
  onViewChange(view: OutputView): void;
  children: ReactNode;
}

export function OutputViewTabs({ view, onViewChange, children }: OutputViewTabsProps) {
  const id = useId();
  return (
    <>
      <TabList
        tabs={TABS}
        value={view}
        onChange={onViewChange}
        label="Output view"
        className="mcs-spec-tabs mcs-output-tabs"
        tabId={(value) => `${id}-${value}-tab`}
        panelId={() => `${id}-panel`}
      />
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${view}-tab`} className="mcs-output-panel">
        {children}
      </div>
    </>
  );
}
