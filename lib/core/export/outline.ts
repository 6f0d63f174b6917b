// A tree's outline: its nodes' shape without their contents, as one short text stored with the
// tree, so exports learn a tree's shape from one value instead of reading every node. Per node, in
// idx order and ";"-separated: "idx,parentIdx,position,kind,observationCode", where parentIdx -1 is
// none, kind is type * 4 + isTerminal * 2 + pruned (type: Thought 0, Action 1, ActionInput 2), and an
// empty observationCode is none. Numbers are far cheaper to write and read this way than as JSON.
import type { NodeType } from "../toolbench/types";
import { outlineNode, type NodeOutline } from "./node-contents";
import type { ExportNode } from "./types";

const NODE_KINDS: readonly NodeType[] = ["Thought", "Action", "ActionInput"];
const KIND_OF: Record<NodeType, number> = { Thought: 0, Action: 4, ActionInput: 8 };

/** A node's outlined fields (its observation code may be left out: none). */
export type OutlinedFields = Omit<NodeOutline, "observationCode"> & { observationCode?: number | null };

/** The outline of these nodes (in any order: the outline lists them by idx). */
export function nodeOutline(nodes: readonly OutlinedFields[]): string {
  let sorted = true;
  for (let i = 1; i < nodes.length && sorted; i++) sorted = nodes[i - 1]!.idx < nodes[i]!.idx;
  const list = sorted ? nodes : [...nodes].sort((a, b) => a.idx - b.idx);
  let out = "";
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    const kind = KIND_OF[n.type] + (n.isTerminal ? 2 : 0) + (n.pruned ? 1 : 0);
    const code = n.observationCode === null || n.observationCode === undefined ? "" : String(n.observationCode);
    out += `${i > 0 ? ";" : ""}${n.idx},${n.parentIdx ?? -1},${n.position},${kind},${code}`;
  }
  return out;
}

/** The outline text back as nodes (outlines, see node-contents.ts). */
export function parseOutline(text: string | null): ExportNode[] {
  const nodes: ExportNode[] = [];
  if (!text) return nodes;
  const f: (number | null)[] = [null, null, null, null, null];
  let field = 0;
  let value = 0;
  let negative = false;
  let empty = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      // "," ends a field; ";" (or the end) ends a node
      if (field < 5) f[field] = empty ? null : negative ? -value : value;
      field++;
      value = 0;
      negative = false;
      empty = true;
      if (c === 44) continue;
      const [idx, parentIdx, position, kind, observationCode] = f as [number | null, number | null, number | null, number | null, number | null];
      const type = kind === null ? undefined : NODE_KINDS[kind >> 2];
      if (field !== 5 || idx === null || parentIdx === null || position === null || kind === null || !type) throw new Error(`Unreadable node outline: ${text.slice(0, 200)}`);
      nodes.push(outlineNode({ idx, parentIdx: parentIdx < 0 ? null : parentIdx, position, type, isTerminal: (kind & 2) !== 0, pruned: (kind & 1) !== 0, observationCode }));
      field = 0;
    } else if (c === 45) negative = true;
    else {
      value = value * 10 + (c - 48);
      empty = false;
    }
  }
  return nodes;
}
