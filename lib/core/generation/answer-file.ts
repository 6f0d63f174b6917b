// Generated runs written the way ToolBench writes answer files (`to_json`), so they can be exported,
// read back by Arbor's own parser, and compared with released files; plus the pre-order node rows
// Arbor stores for a tree.
import type { ParsedNode } from "@/lib/core/toolbench/types";
import type { DfsdtResult } from "./dfsdt";
import type { ReactResult } from "./react";
import type { GeneratedNode } from "./types";

const NODE_TYPE_NAMES = { Thought: "Thought", Action: "Action", ActionInput: "Action Input" } as const;

type NodeJson = Record<string, unknown>;

function childrenByParent(nodes: readonly GeneratedNode[]): Map<number, GeneratedNode[]> {
  const map = new Map<number, GeneratedNode[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = map.get(n.parentId) ?? [];
    list.push(n);
    map.set(n.parentId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position);
  return map;
}

/**
 * One node as ToolBench's `tree_node.to_json` writes it: `is_terminal` is always written false,
 * observation only when non-empty, observation_code only when set, io_state ({}) only on Action
 * Input nodes (the root included).
 */
function nodeJson(n: GeneratedNode, childCount: number): NodeJson {
  const o: NodeJson = {
    is_terminal: false,
    pruned: n.pruned,
    finished: n.finished,
    depth: n.depth,
    node_type: NODE_TYPE_NAMES[n.type],
    description: n.text,
    Elo: 1000.0,
  };
  if (n.observation !== undefined && n.observation !== "") o.observation = n.observation;
  if (n.observationCode !== undefined) o.observation_code = n.observationCode;
  o.child_count = childCount;
  o.expand_num = n.expandNum;
  if (n.type === "ActionInput") o.io_state = {};
  return o;
}

/** The nested tree with ToolBench's `size` and `max_length` (the longest root-to-leaf path, in nodes). */
export function toTreeJson(nodes: readonly GeneratedNode[]): { size: number; max_length: number; tree: NodeJson } {
  const children = childrenByParent(nodes);
  const root = nodes.find((n) => n.parentId === null);
  if (!root) throw new Error("the tree has no root");
  let maxLength = 0;
  const build = (n: GeneratedNode, length: number): NodeJson => {
    maxLength = Math.max(maxLength, length);
    const kids = children.get(n.id) ?? [];
    return { ...nodeJson(n, kids.length), children: kids.map((k) => build(k, length + 1)) };
  };
  const tree = build(root, 1);
  return { size: nodes.length, max_length: maxLength, tree };
}

function chainJson(nodes: readonly GeneratedNode[], endId: number): NodeJson[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const n of nodes) if (n.parentId !== null) counts.set(n.parentId, (counts.get(n.parentId) ?? 0) + 1);
  const chain: NodeJson[] = [];
  for (let n = byId.get(endId); n && n.parentId !== null; n = byId.get(n.parentId)) chain.unshift(nodeJson(n, counts.get(n.id) ?? 0));
  return chain;
}

/** A DFSDT run as a ToolBench answer file (`<qid>_<model>_DFS_woFilter_w2.json`). */
export function toDfsAnswerFile(result: DfsdtResult): Record<string, unknown> {
  const a = result.answer;
  const answerGeneration: Record<string, unknown> = {
    valid_data: a.validData,
    query_count: a.queryCount,
    total_tokens: a.totalTokens,
    final_answer: a.finalAnswer,
    finish_type: a.finishType,
    function: a.functions,
    chain: [],
  };
  if (a.trainMessages) answerGeneration.train_messages = a.trainMessages;
  answerGeneration.query = a.query;
  return {
    win: result.win,
    tree: toTreeJson(result.nodes),
    forward_args: result.forwardArgs,
    compare_candidates: result.answerNodeIds.map((id) => chainJson(result.nodes, id)),
    answer_generation: answerGeneration,
  };
}

/** A ReACT run as a ToolBench CoT answer file (`<qid>_CoT@N.json`). */
export function toCotAnswerFile(result: ReactResult): Record<string, unknown> {
  const a = result.answer;
  return {
    win: result.win,
    try_count: result.tries.length,
    trys: result.tries.map((t) => ({ chain: chainJson(result.nodes, t.endNodeId), win: t.win })),
    compare_candidates: result.answerNodeIds.map((id) => chainJson(result.nodes, id)),
    forward_args: result.forwardArgs,
    answer_generation: {
      valid_data: a.validData,
      final_answer: a.finalAnswer,
      function: a.functions,
      query_count: a.queryCount,
      total_tokens: a.totalTokens,
      train_messages: a.trainMessages,
      chain: [],
      query: a.query,
    },
  };
}

/**
 * The nodes in pre-order with `idx` / `parentIdx` as Arbor stores trees. `isTerminal` is kept as the
 * engine knows it (true on the final answer), and `meta` records the LLM call that made each node
 * and, on an expansion's last node, its token usage. `idxById` maps creation ids to idx.
 */
export function toParsedNodes(nodes: readonly GeneratedNode[]): { nodes: ParsedNode[]; idxById: Map<number, number> } {
  const children = childrenByParent(nodes);
  const out: ParsedNode[] = [];
  const idxById = new Map<number, number>();
  const visit = (n: GeneratedNode, parentIdx: number | null, parentFunction: string | undefined) => {
    const idx = out.length;
    idxById.set(n.id, idx);
    const kids = children.get(n.id) ?? [];
    out.push({
      idx,
      parentIdx,
      position: n.position,
      depth: n.depth,
      type: n.type,
      text: n.text,
      functionName: n.type === "Action" ? n.text : n.type === "ActionInput" ? parentFunction : undefined,
      observation: n.observation === undefined || n.observation === "" ? undefined : n.observation,
      observationCode: n.observationCode,
      pruned: n.pruned,
      finished: n.finished,
      isTerminal: n.isTerminal,
      expandNum: n.expandNum,
      childCount: kids.length,
      meta: { expansion: n.expansion, ...(n.usage ? { usage: n.usage } : {}) },
    });
    for (const k of kids) visit(k, idx, n.type === "Action" ? n.text : undefined);
  };
  const root = nodes.find((n) => n.parentId === null);
  if (root) visit(root, null, undefined);
  return { nodes: out, idxById };
}
