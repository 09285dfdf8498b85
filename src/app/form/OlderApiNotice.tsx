/**
 * The form knows the v1alpha2 fields only. Writing them into a v1alpha1 spec would mix two APIs,
 * so for an older spec the form tab says so and points to the upgrade and the YAML editor.
 */
import '../upgrade/upgrade.css';

export interface OlderApiNoticeProps {
  onShowYaml(): void;
}

export function OlderApiNotice({ onShowYaml }: OlderApiNoticeProps) {
  return (
    <div className="mcs-form-older" role="note">
      <p>
        This spec uses the older API, <code>flux-framework.org/v1alpha1</code>. The form edits v1alpha2 specs: use <strong>Upgrade to
        v1alpha2</strong> (below the spec) to turn it into one, or edit it as it is in the YAML editor.
      </p>
      <button type="button" onClick={onShowYaml}>
        Edit in YAML
      </button>
    </div>
  );
}
