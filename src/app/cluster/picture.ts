/**
 * What the worker sends for the Cluster view: the cluster model without its list of every rank
 * (10,000 ranks would be cloned to the page at every keystroke), the tree folded for drawing, and
 * the tree's text. It is made where generation runs (generation/respond.ts).
 */
import { foldTree, foldedTreeText, treeText, type ClusterModel, type FoldedTree } from '../../core/index.ts';

/** Up to this many ranks the text alternative is the whole tree; beyond it, the folded tree's lines. */
export const FULL_TEXT_RANKS = 256;

export interface ClusterPicture {
  model: Omit<ClusterModel, 'ranks'>;
  tree: FoldedTree;
  /** The tree as `flux overlay status` prints it without the status (folded beyond FULL_TEXT_RANKS ranks). */
  text: string;
  /** `text` has groups of ranks on one line. */
  textFolded: boolean;
}

/**
 * The whole tree's text is made only up to FULL_TEXT_RANKS ranks: a deep tree's text grows with
 * the square of its size (a chain of 10,000 ranks would be 150 MB), and a screen reader's user is
 * served better by the folded lines than by thousands of them.
 */
export function clusterPicture(model: ClusterModel): ClusterPicture {
  const { ranks, ...rest } = model;
  const tree = foldTree(ranks, model.size);
  const whole = ranks.length <= FULL_TEXT_RANKS;
  return { model: rest, tree, text: whole ? treeText(model).trimEnd() : foldedTreeText(tree), textFolded: !whole };
}
