// A whole tree held for viewing: the compact columns the API sends (one array per field, indexed by
// the node's pre-order idx) turned into the lookups a viewer needs — children, the chosen path,
// abandoned branches, the visit order and the grouping of nodes into LLM steps.
import { describeObservationCode, type ObservationKind } from "../toolbench/status-codes";
import type { NodeType, ParsedNode } from "../toolbench/types";
import { buildStepGroups, type StepGroups } from "./step-groups";

/** Bits of `TreeNodeColumns.flags`. */
export const NODE_FLAG = { pruned: 1, finished: 2, terminal: 4 } as const;

/** Every node of a tree, one array per field; position i is the node with idx i (pre-order, root 0). */
export interface TreeNodeColumns {
  parentIdx: (number | null)[];
  type: NodeType[];
  /** ToolBench's `description`: the thought, the function name (Action) or the arguments (Action Input). */
  text: string[];
  functionName: (string | null)[];
  observation: (string | null)[];
  observationCode: (number | null)[];
  /** ToolBench's visit order; 0 = never visited. */
  expandNum: number[];
  /** NODE_FLAG bits. */
  flags: number[];
}

export interface TreeModel extends StepGroups {
  size: number;
  columns: TreeNodeColumns;
  /** The parent's idx, -1 for the root. */
  parent: Int32Array;
  children: number[][];
  depth: Int32Array;
  /** idx of the last node of the training path, or null. */
  chosenIdx: number | null;
  /** 1 for the root … chosenIdx. */
  onChosenPath: Uint8Array;
  /** 1 for nodes of abandoned branches: pruned, or every leaf below them pruned or given up. */
  abandoned: Uint8Array;
  /** Visited nodes in visit order (ascending expand_num, then idx). */
  visitOrder: number[];
  /** idx → position in visitOrder, -1 when never visited. */
  visitRank: Int32Array;
}

export const isPruned = (m: TreeModel, idx: number) => (m.columns.flags[idx]! & NODE_FLAG.pruned) !== 0;
export const isFinished = (m: TreeModel, idx: number) => (m.columns.flags[idx]! & NODE_FLAG.finished) !== 0;
export const isTerminal = (m: TreeModel, idx: number) => (m.columns.flags[idx]! & NODE_FLAG.terminal) !== 0;

/** What a node's observation code says, for badges: null for nodes without a code. */
export function nodeOutcome(m: TreeModel, idx: number): ObservationKind | null {
  const code = m.columns.observationCode[idx];
  return code === null || code === undefined ? null : describeObservationCode(code).kind;
}

/** A leaf where the search ended for good: pruned (given up, depth limit) or a give-up call. */
const isDeadLeaf = (columns: TreeNodeColumns, idx: number) => (columns.flags[idx]! & NODE_FLAG.pruned) !== 0 || columns.observationCode[idx] === 4;

function checkColumns(c: TreeNodeColumns): number {
  const n = c.parentIdx.length;
  for (const [name, column] of Object.entries(c) as [string, unknown[]][]) {
    if (column.length !== n) throw new Error(`Tree columns disagree: ${name} has ${column.length} entries, parentIdx has ${n}`);
  }
  if (n === 0) throw new Error("A tree has at least its root node");
  for (let i = 0; i < n; i++) {
    const p = c.parentIdx[i];
    // pre-order: every parent comes before its children; only the first node is a root
    if (i === 0 ? p !== null : p === null || p === undefined || p < 0 || p >= i) {
      throw new Error(`Node ${i} has parent ${String(p)}, which is not a pre-order tree`);
    }
  }
  return n;
}

function markChosenPath(parent: Int32Array, chosenIdx: number | null): Uint8Array {
  const on = new Uint8Array(parent.length);
  for (let i = chosenIdx ?? -1; i >= 0; i = parent[i]!) on[i] = 1;
  return on;
}

/** Abandoned: pruned, or a subtree with no leaf still open or answered. Children come after parents, so one backward pass suffices. */
function markAbandoned(columns: TreeNodeColumns, children: number[][], onPath: Uint8Array): Uint8Array {
  const n = children.length;
  const dead = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const kids = children[i]!;
    dead[i] = (columns.flags[i]! & NODE_FLAG.pruned) !== 0 || (kids.length === 0 ? isDeadLeaf(columns, i) : kids.every((k) => dead[k] === 1)) ? 1 : 0;
  }
  // the training path is never shown as abandoned, even when it ends in a give-up
  for (let i = 0; i < n; i++) if (onPath[i]) dead[i] = 0;
  return dead;
}

export function buildTreeModel(columns: TreeNodeColumns, chosenIdx: number | null): TreeModel {
  const size = checkColumns(columns);
  const parent = new Int32Array(size);
  const depth = new Int32Array(size);
  const children: number[][] = Array.from({ length: size }, () => []);
  parent[0] = -1;
  for (let i = 1; i < size; i++) {
    const p = columns.parentIdx[i]!;
    parent[i] = p;
    depth[i] = depth[p]! + 1;
    children[p]!.push(i);
  }
  const chosen = chosenIdx !== null && chosenIdx >= 0 && chosenIdx < size ? chosenIdx : null;
  const onChosenPath = markChosenPath(parent, chosen);

  const visitOrder: number[] = [];
  for (let i = 0; i < size; i++) if (columns.expandNum[i]! > 0) visitOrder.push(i);
  visitOrder.sort((a, b) => columns.expandNum[a]! - columns.expandNum[b]! || a - b);
  const visitRank = new Int32Array(size).fill(-1);
  visitOrder.forEach((idx, rank) => (visitRank[idx] = rank));

  return {
    size,
    columns,
    parent,
    children,
    depth,
    chosenIdx: chosen,
    onChosenPath,
    abandoned: markAbandoned(columns, children, onChosenPath),
    visitOrder,
    visitRank,
    ...buildStepGroups(columns.type, parent, children),
  };
}

/** Parsed nodes (pre-order, as a parser or the importer holds them) as columns. */
export function toTreeColumns(nodes: readonly ParsedNode[]): TreeNodeColumns {
  return {
    parentIdx: nodes.map((n) => n.parentIdx),
    type: nodes.map((n) => n.type),
    text: nodes.map((n) => n.text),
    functionName: nodes.map((n) => n.functionName ?? null),
    observation: nodes.map((n) => n.observation ?? null),
    observationCode: nodes.map((n) => n.observationCode ?? null),
    expandNum: nodes.map((n) => n.expandNum),
    flags: nodes.map((n) => (n.pruned ? NODE_FLAG.pruned : 0) | (n.finished ? NODE_FLAG.finished : 0) | (n.isTerminal ? NODE_FLAG.terminal : 0)),
  };
}

/** idx of the nodes from the root to `idx`, root first. */
export function ancestorsOf(m: TreeModel, idx: number): number[] {
  const path: number[] = [];
  for (let i = idx; i >= 0; i = m.parent[i]!) path.push(i);
  return path.reverse();
}
