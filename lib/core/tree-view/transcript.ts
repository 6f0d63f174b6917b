// The linear transcript beside the tree: the root → leaf path through the selected node, read as
// steps. Below the selection the path follows the training path when the selection leads to it,
// otherwise each node's first child (the attempt the search made first).
import { groupPathSteps, type PathNode, type PathStep } from "../toolbench/path-steps";
import { ancestorsOf, type TreeModel } from "./tree-model";

export interface TranscriptPath {
  /** idx from the root to a leaf. */
  nodes: number[];
  /** Position of the selected node in `nodes`. */
  selectedAt: number;
}

export function transcriptPath(m: TreeModel, idx: number): TranscriptPath {
  const nodes = ancestorsOf(m, idx);
  const selectedAt = nodes.length - 1;
  const followChosen = m.onChosenPath[idx] === 1;
  for (let current = idx; m.children[current]!.length > 0; ) {
    const kids = m.children[current]!;
    current = (followChosen ? kids.find((k) => m.onChosenPath[k] === 1) : undefined) ?? kids[0]!;
    nodes.push(current);
  }
  return { nodes, selectedAt };
}

export interface TranscriptStep extends PathStep {
  /** "before": leads to the selected node; "selected": holds it; "after": continues below it. */
  relation: "before" | "selected" | "after";
}

const pathNode = (m: TreeModel, idx: number): PathNode => ({
  idx,
  parentIdx: m.columns.parentIdx[idx]!,
  type: m.columns.type[idx]!,
  text: m.columns.text[idx]!,
  functionName: m.columns.functionName[idx]!,
  observation: m.columns.observation[idx]!,
  observationCode: m.columns.observationCode[idx]!,
});

/** The path as steps (the empty root is not a step), each placed relative to the selected node. */
export function transcriptSteps(m: TreeModel, path: TranscriptPath): TranscriptStep[] {
  const selected = path.nodes[path.selectedAt]!;
  const steps = groupPathSteps(path.nodes.map((i) => pathNode(m, i)));
  // the empty root belongs to no step: every step then comes after it
  let seen = !steps.some((s) => s.nodeIdxs.includes(selected));
  return steps.map((step) => {
    if (step.nodeIdxs.includes(selected)) {
      seen = true;
      return { ...step, relation: "selected" };
    }
    return { ...step, relation: seen ? "after" : "before" };
  });
}
