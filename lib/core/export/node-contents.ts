// Most formats read only a few nodes of a tree in full (the training path and what its conversation
// quotes) and of the rest only the outline: parent, position, type and flags. An export reads every
// tree's outline first, asks here which nodes' contents the format needs, and loads only those.
import type { NodeType } from "@/lib/core/toolbench/types";
import { TreeConversations, trainingLeaf } from "./conversation";
import type { ExportFormat } from "./format-info";
import { preferenceContentNeeds } from "./preference";
import { retrieverContentNeeds } from "./retriever";
import type { ExportNode, ExportTree } from "./types";

/** What an outline holds: enough to find a tree's paths, branches and answers. */
export interface NodeOutline {
  idx: number;
  parentIdx: number | null;
  position: number;
  type: NodeType;
  isTerminal: boolean;
  pruned: boolean;
  observationCode: number | null;
}

/** Whether a format reads the functions a tree offered (a long list per tree, left unread when not). */
export const readsFunctions = (format: ExportFormat): boolean => format !== "train_messages";

/**
 * The idxs of the nodes whose contents `format` reads for this tree, ascending; the tree's nodes need
 * only be outlines (`outlineNode`). ToolBench answer files read every node in full and are not asked.
 */
export function contentNodes(format: Exclude<ExportFormat, "toolbench_answers">, tree: ExportTree): number[] {
  const into = new Set<number>();
  if (format === "dpo") preferenceContentNeeds(tree, into);
  else if (format === "retriever") retrieverContentNeeds(tree, into);
  else {
    const leaf = trainingLeaf(tree);
    if (leaf !== null) new TreeConversations(tree).addContentNeeds(leaf, into);
  }
  return [...into].sort((a, b) => a - b);
}

/** What the formats that read only some nodes need of those nodes beyond the outline. */
export interface NodeText {
  text: string;
  functionName: string | null;
  observation: string | null;
  expandNum: number;
  meta: unknown;
}

const notLoaded = (idx: number, field: string): never => {
  throw new Error(`Node ${idx} was loaded without its ${field}`);
};

/** What every partly loaded node holds: its outline; the fields only answer files read throw. */
abstract class PartialNode {
  readonly idx: number;
  readonly parentIdx: number | null;
  readonly position: number;
  readonly type: NodeType;
  readonly isTerminal: boolean;
  readonly pruned: boolean;
  readonly observationCode?: number;

  constructor(o: Omit<NodeOutline, "observationCode"> & { observationCode?: number | null }) {
    this.idx = o.idx;
    this.parentIdx = o.parentIdx;
    this.position = o.position;
    this.type = o.type;
    this.isTerminal = o.isTerminal;
    this.pruned = o.pruned;
    if (o.observationCode !== null && o.observationCode !== undefined) this.observationCode = o.observationCode;
  }

  get depth(): number {
    return notLoaded(this.idx, "depth");
  }
  get finished(): boolean {
    return notLoaded(this.idx, "finished flag");
  }
  get childCount(): number {
    return notLoaded(this.idx, "child count");
  }
}

/** A node known only by its outline: reading anything else is a mistake and throws rather than export something wrong. */
class OutlinedNode extends PartialNode {
  get text(): string {
    return notLoaded(this.idx, "text");
  }
  get functionName(): string | undefined {
    return notLoaded(this.idx, "function name");
  }
  get observation(): string | undefined {
    return notLoaded(this.idx, "observation");
  }
  get meta(): Record<string, unknown> | undefined {
    return notLoaded(this.idx, "meta");
  }
  get expandNum(): number {
    return notLoaded(this.idx, "visit number");
  }
}

/** A node with its text (what a conversation reads of it), without the fields only answer files read. */
class TextNode extends PartialNode {
  readonly text: string;
  readonly functionName?: string;
  readonly observation?: string;
  readonly expandNum: number;
  readonly meta?: Record<string, unknown>;

  constructor(o: ExportNode, t: NodeText) {
    super(o);
    this.text = t.text;
    if (t.functionName !== null) this.functionName = t.functionName;
    if (t.observation !== null) this.observation = t.observation;
    this.expandNum = t.expandNum;
    if (t.meta !== null && typeof t.meta === "object") this.meta = t.meta as Record<string, unknown>;
  }
}

export const outlineNode = (o: NodeOutline): ExportNode => new OutlinedNode(o);

/** An outlined node with its text added. */
export const withText = (outline: ExportNode, t: NodeText): ExportNode => new TextNode(outline, t);
