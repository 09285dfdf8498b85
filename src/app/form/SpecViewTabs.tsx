/**
 * The "Form" and "YAML" tabs over one spec. The YAML panel stays mounted while hidden so that the
 * editor keeps its model, and with it the undo history both views share.
 */
import { useId, type ReactNode } from 'react';
import { TabList, type Tab } from '../shell/TabList.tsx';
import './tabs.css';

export type SpecView = 'form' | 'yaml';

export interface SpecViewTabsProps {
  view: SpecView;
  onViewChange(view: SpecView): void;
  yaml: ReactNode;
  /** Rendered only while its tab is selected. */
  form: () => ReactNode;
}

const TABS: readonly Tab<SpecView>[] = [
  { value: 'form', label: 'Form' },
  { value: 'yaml', label: 'YAML' },
];

export function SpecViewTabs({ view, onViewChange, yaml, form }: SpecViewTabsProps) {
  const id = useId();
  return (
    <div className="mcs-spec-views">
      <TabList
        tabs={TABS}
        value={view}
        onChange={onViewChange}
        label="Spec view"
        className="mcs-spec-tabs"
        tabId={(value) => `${id}-${value}-tab`}
        panelId={(value) => `${id}-${value}-panel`}
      />
      <div role="tabpanel" id={`${id}-form-panel`} aria-labelledby={`${id}-form-tab`} className="mcs-form-pane" hidden={view !== 'form'}>
        {view === 'form' && form()}
      </div>
      <div role="tabpanel" id={`${id}-yaml-panel`} aria-labelledby={`${id}-yaml-tab`} className="mcs-editor-pane" hidden={view !== 'yaml'}>
        {yaml}
      </div>
    </div>
  );
}
