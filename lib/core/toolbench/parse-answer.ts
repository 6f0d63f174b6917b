// DFSDT answer files (`tree` + `answer_generation`) and ReACT / CoT answer files (`trys[].chain`).
import { parseAnswerFileName, runFolderName, type FileContext } from "./file-context";
import { parseFinishArguments } from "./finish";
import {
  asArray,
  asBoolean,
  asObject,
  asString,
  fail,
  index,
  isObject,
  key,
  optBoolean,
  optInt,
  type Json,
  type JsonObject,
} from "./json-shape";
import { normalizeConversation, type NormalizedMessage } from "./messages";
import { pathToNode, treeStats } from "./tree-paths";
import type { NodeType, ParsedFile, ParsedNode, ParsedTree, TreeMethod } from "./types";

const NODE_TYPES: Record<string, NodeType> = { Thought: "Thought", Action: "Action", "Action Input": "ActionInput" };
// Fields every ToolBench node carries; anything else is kept in `meta`. Elo is constant (1000) and
// io_state an empty placeholder, so neither is kept.
const KNOWN_NODE_FIELDS = new Set([
  "is_terminal", "pruned", "finished", "depth", "node_type", "description", "Elo", "child_count",
  "expand_num", "io_state", "children", "observation", "observation_code", "messages",
]);

// Paths (for error messages) are built only when something fails: trees hold thousands of nodes.
// A node's path is its parent's path and its position among the parent's children (no closures:
// one small object per node).
interface ChildPath {
  readonly parent: LazyPath;
  readonly position: number;
}
type LazyPath = string | ChildPath;

function pathString(p: LazyPath): string {
  return typeof p === "string" ? p : index(key(pathString(p.parent), "children"), p.position);
}

const bool = (v: unknown, at: LazyPath, k: string, fallback: boolean) => (typeof v === "boolean" ? v : optBoolean(v, key(pathString(at), k), fallback));
const int = (v: unknown, at: LazyPath, k: string, fallback: number) => (typeof v === "number" && Number.isInteger(v) ? v : optInt(v, key(pathString(at), k), fallback));

function nodeFromJson(
  o: JsonObject,
  path: LazyPath,
  at: { idx: number; parentIdx: number | null; position: number; depth: number; parentFunction?: string },
): ParsedNode {
  const typeName = typeof o.node_type === "string" ? o.node_type : asString(o.node_type, key(pathString(path), "node_type"));
  const type = NODE_TYPES[typeName];
  if (!type) fail(`unknown node_type "${typeName}" (expected Thought, Action or Action Input)`, key(pathString(path), "node_type"));
  const d = o.description;
  const text = d === undefined || d === null ? "" : typeof d === "string" ? d : asString(d, key(pathString(path), "description"));
  let meta: Record<string, unknown> | undefined;
  for (const k in o) {
    if (KNOWN_NODE_FIELDS.has(k)) continue;
    meta ??= {};
    meta[k] = o[k];
  }
  const observationCode = o.observation_code === undefined || o.observation_code === null ? undefined : int(o.observation_code, path, "observation_code", 0);
  const node: ParsedNode = {
    idx: at.idx,
    parentIdx: at.parentIdx,
    position: at.position,
    depth: at.depth,
    type,
    text,
    functionName: type === "Action" ? text : type === "ActionInput" ? at.parentFunction : undefined,
    observation: typeof o.observation === "string" ? o.observation : o.observation === undefined || o.observation === null ? undefined : JSON.stringify(o.observation),
    observationCode,
    pruned: bool(o.pruned, path, "pruned", false),
    finished: bool(o.finished, path, "finished", false),
    isTerminal: bool(o.is_terminal, path, "is_terminal", false),
    expandNum: int(o.expand_num, path, "expand_num", 0),
    childCount: 0,
  };
  if (meta) node.meta = meta;
  return node;
}

function visitNode(nodes: ParsedNode[], o: JsonObject, path: LazyPath, parentIdx: number | null, position: number, depth: number, parentFunction: string | undefined): void {
  const node = nodeFromJson(o, path, { idx: nodes.length, parentIdx, position, depth, parentFunction });
  nodes.push(node);
  const children = o.children === undefined || o.children === null ? [] : Array.isArray(o.children) ? o.children : asArray(o.children, key(pathString(path), "children"));
  node.childCount = children.length;
  const fn = node.type === "Action" ? node.text : undefined;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    const childPath: ChildPath = { parent: path, position: i };
    visitNode(nodes, isObject(c) ? c : asObject(c, pathString(childPath)), childPath, node.idx, i, depth + 1, fn);
  }
}

/** Flattens a nested ToolBench tree into pre-order nodes (idx = position in the result). */
export function flattenTree(root: JsonObject, rootPath: string): ParsedNode[] {
  const nodes: ParsedNode[] = [];
  visitNode(nodes, root, rootPath, null, 0, 0, undefined);
  return nodes;
}

// ───────────── which path ToolBench used ─────────────

const byVisitOrder = (a: ParsedNode, b: ParsedNode) =>
  (a.expandNum > 0 ? a.expandNum : Number.MAX_SAFE_INTEGER) - (b.expandNum > 0 ? b.expandNum : Number.MAX_SAFE_INTEGER) || a.idx - b.idx;

type Step = { kind: "thought"; text: string } | { kind: "call"; name: string; args: string };

function stepsOfPath(path: ParsedNode[]): Step[] {
  const steps: Step[] = [];
  for (const n of path) {
    if (n.type === "Thought" && n.text.trim() !== "") steps.push({ kind: "thought", text: n.text });
    if (n.type === "ActionInput" && n.parentIdx !== null) steps.push({ kind: "call", name: n.functionName ?? "", args: n.text });
  }
  return steps;
}

function stepsOfConversation(messages: NormalizedMessage[]): Step[] {
  const steps: Step[] = [];
  for (const m of messages) {
    if (m.role !== "assistant") continue;
    if (m.content !== null && m.content.trim() !== "") steps.push({ kind: "thought", text: m.content });
    for (const c of m.calls) steps.push({ kind: "call", name: c.name, args: c.arguments });
  }
  return steps;
}

const HALLUCINATED = "invalid_hallucination_function_name";

function stepsMatch(a: Step[], b: Step[], withThoughts: boolean): boolean {
  const fa = withThoughts ? a : a.filter((s) => s.kind === "call");
  const fb = withThoughts ? b : b.filter((s) => s.kind === "call");
  if (fa.length !== fb.length) return false;
  return fa.every((s, i) => {
    const t = fb[i]!;
    if (s.kind !== t.kind) return false;
    if (s.kind === "thought" && t.kind === "thought") return s.text === t.text;
    if (s.kind === "call" && t.kind === "call") return (s.name === t.name || t.name === HALLUCINATED || s.name === HALLUCINATED) && s.args === t.args;
    return false;
  });
}

/**
 * The give-up node ToolBench exported: it picks one at random, so the exported conversation
 * (`train_messages`, last entry) is matched against the path to each give-up node.
 */
function exportedGiveUpNode(nodes: ParsedNode[], conversation: NormalizedMessage[]): ParsedNode | undefined {
  const candidates = nodes.filter((n) => n.type === "ActionInput" && n.observationCode === 4).sort(byVisitOrder);
  if (candidates.length <= 1 || conversation.length === 0) return candidates[0];
  const target = stepsOfConversation(conversation);
  const paths = candidates.map((c) => ({ node: c, steps: stepsOfPath(pathToNode(nodes, c.idx)) }));
  const exact = paths.filter((p) => stepsMatch(p.steps, target, true));
  if (exact.length > 0) return exact[0]!.node;
  const callsOnly = paths.filter((p) => stepsMatch(p.steps, target, false));
  return (callsOnly[0] ?? paths[0])!.node;
}

function firstAnswerNode(nodes: ParsedNode[]): ParsedNode | undefined {
  return nodes.filter((n) => n.type === "ActionInput" && n.observationCode === 3).sort(byVisitOrder)[0];
}

// ───────────── answer_generation ─────────────

interface AnswerGeneration {
  validData: boolean;
  finishType: string | null;
  finalAnswerRaw: string;
  queryCount: number;
  totalTokens: number;
  functions: Json[];
  query?: string;
  lastConversation: NormalizedMessage[];
  systemPrompt?: string;
}

function readAnswerGeneration(v: Json | undefined, path: string): AnswerGeneration {
  const ag = asObject(v, path);
  const trainMessages = ag.train_messages === undefined || ag.train_messages === null ? [] : asArray(ag.train_messages, key(path, "train_messages"));
  const last = trainMessages.length > 0 ? normalizeConversation(trainMessages[trainMessages.length - 1]) : [];
  const first = trainMessages.length > 0 ? normalizeConversation(trainMessages[0]) : [];
  const system = first.find((m) => m.role === "system")?.content ?? undefined;
  let query = typeof ag.query === "string" ? ag.query : undefined;
  if (query === undefined) {
    // Older files lack `query`: the first user message is "\n<query>\nBegin!\n".
    const user = first.find((m) => m.role === "user")?.content;
    if (user) query = user.replace(/\nBegin!\n?$/, "").replace(/^\n/, "");
  }
  return {
    validData: asBoolean(ag.valid_data, key(path, "valid_data")),
    finishType: typeof ag.finish_type === "string" ? ag.finish_type : null,
    finalAnswerRaw: typeof ag.final_answer === "string" ? ag.final_answer : ag.final_answer === undefined || ag.final_answer === null ? "" : JSON.stringify(ag.final_answer),
    queryCount: optInt(ag.query_count, key(path, "query_count"), 0),
    totalTokens: optInt(ag.total_tokens, key(path, "total_tokens"), 0),
    functions: ag.function === undefined || ag.function === null ? [] : asArray(ag.function, key(path, "function")),
    query,
    lastConversation: last,
    systemPrompt: system,
  };
}

function methodOf(label: string): TreeMethod {
  if (/^DFS_woFilter/i.test(label)) return "dfsdt";
  if (/^DFS/i.test(label)) return "dfs";
  if (/CoT|ReAct/i.test(label)) return "react";
  return "other";
}

function finalAnswerOf(raw: string): string | null {
  const parsed = parseFinishArguments(raw);
  return parsed.returnType === "give_answer" && parsed.finalAnswer !== undefined ? parsed.finalAnswer : null;
}

function requireQuery(ag: AnswerGeneration): string {
  if (!ag.query || ag.query.trim() === "") fail("the answer has no query (answer_generation.query)", "$.answer_generation");
  return ag.query;
}

/** The tree of an answer file, from its nodes and what its answer_generation says. */
function answerTree(
  o: JsonObject,
  ctx: FileContext,
  ag: AnswerGeneration,
  t: { nodes: ParsedNode[]; methodLabel: string; finishType: string | null; chosen: ParsedNode | undefined; sourceKind: "dfs_answer" | "cot_answer" },
): ParsedTree {
  const name = parseAnswerFileName(ctx.stem);
  return {
    group: ctx.group,
    externalId: name.queryId,
    query: requireQuery(ag),
    method: methodOf(t.methodLabel),
    methodLabel: t.methodLabel,
    model: name.model ?? runFolderName(ctx),
    validData: ag.validData,
    finishType: t.finishType,
    finalAnswerRaw: ag.finalAnswerRaw,
    finalAnswer: finalAnswerOf(ag.finalAnswerRaw),
    queryCount: ag.queryCount,
    totalTokens: ag.totalTokens,
    win: typeof o.win === "boolean" ? o.win : undefined,
    nodes: t.nodes,
    chosenNodeIdx: t.chosen?.idx ?? null,
    functions: ag.functions,
    systemPrompt: ag.systemPrompt,
    forwardArgs: isObject(o.forward_args) ? o.forward_args : undefined,
    truncated: false,
    sourceKind: t.sourceKind,
    stats: treeStats(t.nodes),
  };
}

export function parseDfsAnswer(o: JsonObject, ctx: FileContext): ParsedFile {
  const treeWrapper = asObject(o.tree, "$.tree");
  const nodes = flattenTree(asObject(treeWrapper.tree, "$.tree.tree"), "$.tree.tree");
  const ag = readAnswerGeneration(o.answer_generation, "$.answer_generation");
  const name = parseAnswerFileName(ctx.stem);
  const forwardArgs = isObject(o.forward_args) ? o.forward_args : undefined;
  const methodLabel =
    name.methodLabel ?? (forwardArgs && forwardArgs.with_filter === true ? `DFS_w${forwardArgs.tree_beam_size ?? 2}` : `DFS_woFilter_w${forwardArgs?.tree_beam_size ?? 2}`);

  let chosen: ParsedNode | undefined;
  if (ag.validData) {
    chosen = ag.finishType === "give_up" ? exportedGiveUpNode(nodes, ag.lastConversation) : firstAnswerNode(nodes);
  }
  const tree = answerTree(o, ctx, ag, { nodes, methodLabel, finishType: ag.finishType, chosen, sourceKind: "dfs_answer" });
  return { kind: "dfs_answer", trees: [tree] };
}

/** CoT@N: each try is a chain; Arbor holds them as sibling branches under one root, like restarts. */
export function parseCotAnswer(o: JsonObject, ctx: FileContext): ParsedFile {
  const trys = asArray(o.trys, "$.trys");
  const nodes: ParsedNode[] = [
    { idx: 0, parentIdx: null, position: 0, depth: 0, type: "ActionInput", text: "", pruned: false, finished: false, isTerminal: false, expandNum: 0, childCount: 0 },
  ];
  const tryEnds: ParsedNode[] = [];
  trys.forEach((t, i) => {
    const tp = index("$.trys", i);
    const chain = asArray(asObject(t, tp).chain, key(tp, "chain"));
    let parent = nodes[0]!;
    let parentFunction: string | undefined;
    chain.forEach((c, j) => {
      const cp = index(key(tp, "chain"), j);
      const node = nodeFromJson(asObject(c, cp), cp, {
        idx: nodes.length,
        parentIdx: parent.idx,
        position: parent.childCount,
        depth: parent.depth + 1,
        parentFunction,
      });
      parent.childCount++;
      nodes.push(node);
      parentFunction = node.type === "Action" ? node.text : undefined;
      parent = node;
    });
    if (chain.length > 0) tryEnds.push(parent);
  });

  const ag = readAnswerGeneration(o.answer_generation, "$.answer_generation");
  const name = parseAnswerFileName(ctx.stem);
  const forwardArgs = isObject(o.forward_args) ? o.forward_args : undefined;
  const passAt = forwardArgs && typeof forwardArgs.pass_at === "number" ? forwardArgs.pass_at : trys.length;
  const methodLabel = name.methodLabel ?? `CoT@${passAt}`;
  const answered = tryEnds.find((n) => n.observationCode === 3 && !n.pruned);
  const chosen = ag.validData ? answered : undefined;
  // CoT files carry no finish_type; Arbor derives it from how the tries ended.
  const finishType = ag.finishType ?? (ag.validData ? "give_answer" : tryEnds.some((n) => n.observationCode === 4) ? "give_up" : null);
  const tree = answerTree(o, ctx, ag, { nodes, methodLabel, finishType, chosen, sourceKind: "cot_answer" });
  return { kind: "cot_answer", trees: [tree] };
}
