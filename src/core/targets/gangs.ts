/**
 * The gang schedulers and their PodGroup kinds: the one list of which PodGroups exist, read by the
 * output option (options.ts), the PodGroup we make (podGroup.ts), the object kinds (kinds.ts), the
 * cluster picture and the check of a hand-written PodGroup. Imports nothing, so that the CLI's
 * usage can read it without the rest of the core.
 */

/** The gang scheduler whose PodGroup makes the pods start together (see podGroup.ts). */
export type Gang = 'coscheduling' | 'volcano';

export const POD_GROUP_KIND = 'PodGroup';
export const COSCHEDULING_API_VERSION = 'scheduling.x-k8s.io/v1alpha1';
export const VOLCANO_API_VERSION = 'scheduling.volcano.sh/v1beta1';
/** The label a coscheduling (or fluence) PodGroup's member pods carry, with its name. */
export const COSCHEDULING_LABEL = 'scheduling.x-k8s.io/pod-group';
/** The annotation a Volcano PodGroup's member pods carry, with its name. */
export const VOLCANO_ANNOTATION = 'scheduling.k8s.io/group-name';
/** scheduler-plugins' Helm chart installs its scheduler under this name, beside the default one. */
export const COSCHEDULING_SCHEDULER = 'scheduler-plugins-scheduler';
export const VOLCANO_SCHEDULER = 'volcano';

export interface GangScheduler {
  /** Its PodGroup's apiVersion (group and version): a PodGroup of another version is not its. */
  apiVersion: string;
  /** The scheduler name the pods get unless `--scheduler-name` says another. */
  scheduler: string;
  /** Where a pod names its PodGroup: a label (coscheduling) or an annotation (Volcano), and that word for sentences. */
  member: { where: 'labels' | 'annotations'; key: string; word: 'label' | 'annotation' };
  /** The scheduler's name in sentences. */
  title: string;
}

export const GANG_SCHEDULERS: Readonly<Record<Gang, GangScheduler>> = {
  coscheduling: { apiVersion: COSCHEDULING_API_VERSION, scheduler: COSCHEDULING_SCHEDULER, member: { where: 'labels', key: COSCHEDULING_LABEL, word: 'label' }, title: 'coscheduling' },
  volcano: { apiVersion: VOLCANO_API_VERSION, scheduler: VOLCANO_SCHEDULER, member: { where: 'annotations', key: VOLCANO_ANNOTATION, word: 'annotation' }, title: 'Volcano' },
};

export const GANGS: readonly Gang[] = Object.keys(GANG_SCHEDULERS) as Gang[];

/** Each gang's PodGroup kind, as an object names it. */
export const POD_GROUP_KINDS: ReadonlyArray<{ gang: Gang; apiVersion: string; kind: string }> = GANGS.map((gang) => ({
  gang,
  apiVersion: GANG_SCHEDULERS[gang].apiVersion,
  kind: POD_GROUP_KIND,
}));

/** Is this object a PodGroup of one of the gang schedulers (hand-written or ours)? Its apiVersion must match exactly. */
export function gangOfObject(object: { apiVersion?: unknown; kind?: unknown }): Gang | undefined {
  return POD_GROUP_KINDS.find((k) => k.kind === object.kind && k.apiVersion === object.apiVersion)?.gang;
}
