// A chosen path (root → the node ToolBench or a reviewer picked) read as steps a person can check:
// [Thought] → Action (the function name) → Action Input (the arguments, with the call's observation).
import { pathToNode } from "./tree-paths";
import type { NodeType } from "./types";

/** The node fields a path needs; nullable the way the database stores them. */
export interface PathNode {
  idx: number;
  parentIdx: number | null;
  type: NodeType;
  text: string;
  functionName: string | null;
  observation: string | null;
  observationCode: number | null;
}

export interface PathStep {
  thought?: string;
  functionName?: string;
  /** The call's arguments as the model wrote them (usually a JSON object). */
  arguments?: string;
  observation?: string;
  observationCode?: number;
  /** The idx of the nodes this step was made of, root side first. */
  nodeIdxs: number[];
}

export interface ChosenPath {
  steps: PathStep[];
  /** Nodes on the path, including the empty root. */
  nodeCount: number;
  /** False when the stored nodes do not link the chosen node back to a root. */
  complete: boolean;
}

/** ToolBench puts an empty Action Input above every tree; it is not a step. */
const isEmptyRoot = (n: PathNode) => n.parentIdx === null && n.text.trim() === "" && !n.observation;

/** Groups a root-first list of path nodes into steps. */
export function groupPathSteps(path: readonly PathNode[]): PathStep[] {
  const steps: PathStep[] = [];
  let current: PathStep | undefined;
  const startStep = (): PathStep => {
    current = { nodeIdxs: [] };
    steps.push(current);
    return current;
  };
  for (const node of path) {
    if (isEmptyRoot(node)) continue;
    let step: PathStep;
    if (node.type === "Thought") {
      // a thought opens a step unless the step is still empty
      step = current && current.thought === undefined && current.functionName === undefined && current.arguments === undefined ? current : startStep();
      step.thought = node.text;
    } else if (node.type === "Action") {
      step = current && current.functionName === undefined && current.arguments === undefined ? current : startStep();
      step.functionName = node.functionName ?? node.text;
    } else {
      step = current && current.arguments === undefined ? current : startStep();
      step.arguments = node.text;
      if (step.functionName === undefined && node.functionName) step.functionName = node.functionName;
      if (node.observation != null) step.observation = node.observation;
      if (node.observationCode != null) step.observationCode = node.observationCode;
    }
    step.nodeIdxs.push(node.idx);
  }
  return steps;
}

/**
 * The steps from the root to `leafIdx`. `nodes` may be the whole tree or just the leaf's ancestors,
 * in any order.
 */
export function buildChosenPath(nodes: readonly PathNode[], leafIdx: number): ChosenPath {
  const path = pathToNode(nodes, leafIdx);
  const complete = path.length > 0 && path[0]!.parentIdx === null && path[path.length - 1]!.idx === leafIdx;
  return { steps: groupPathSteps(path), nodeCount: path.length, complete };
}
