/** The CSS class of each kind of YAML token: the cards' and the page's first screen's (firstScreen/). */
import type { YamlTokenKind } from './highlightYaml.ts';

export const CLASS_OF: Record<YamlTokenKind, string | undefined> = {
  plain: undefined,
  key: 'mcs-tok-key',
  string: 'mcs-tok-string',
  number: 'mcs-tok-number',
  bool: 'mcs-tok-bool',
  comment: 'mcs-tok-comment',
  punct: 'mcs-tok-punct',
  document: 'mcs-tok-document',
  indicator: 'mcs-tok-indicator',
  block: 'mcs-tok-block',
};
