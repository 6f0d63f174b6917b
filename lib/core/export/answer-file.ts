// A stored tree written back as a ToolBench answer file (`tree` + `answer_generation` for a tree
// search, `trys` for ReACT), which Arbor's importer reads back as the same tree.
import { TreeConversations, trainingLeaf } from "./conversation";
import type { ExportNode, ExportTree } from "./types";

const NODE_TYPE_NAMES = { Thought: "Thought", Action: "Action", ActionInput: "Action Input" } as const;

type NodeJson = Record<string, unknown>;

function nodeJson(n: ExportNode): NodeJson {
  const o: NodeJson = {
    is_terminal: n.isTerminal,
    pruned: n.pruned,
    finished: n.finished,
    depth: n.depth,
    node_type: NODE_TYPE_NAMES[n.type],
    description: n.text,
    Elo: 1000.0,
  };
  if (n.observation !== undefined) o.observation = n.observation;
  if (n.observationCode !== undefined) o.observation_code = n.observationCode;
  o.child_count = n.childCount;
  o.expand_num = n.expandNum;
  if (n.type === "ActionInput") o.io_state = {};
  // fields Arbor kept from the file (or its own per-node data) go back where they came from
  if (n.meta) for (const [k, v] of Object.entries(n.meta)) if (!(k in o)) o[k] = v;
  return o;
}

function nestedTree(conv: TreeConversations, tree: ExportTree): { size: number; max_length: number; tree: NodeJson } {
  let maxLength = 0;
  const build = (idx: number, length: number): NodeJson => {
    maxLength = Math.max(maxLength, length);
    return { ...nodeJson(conv.node(idx)!), children: conv.childrenOf(idx).map((c) => build(c, length + 1)) };
  };
  const root = build(0, 1);
  return { size: tree.nodes.length, max_length: maxLength, tree: root };
}

function answerGeneration(tree: ExportTree, conv: TreeConversations): Record<string, unknown> {
  const leaf = trainingLeaf(tree);
  const ag: Record<string, unknown> = {
    valid_data: tree.validData,
    query_count: tree.queryCount,
    total_tokens: tree.totalTokens,
    final_answer: tree.finalAnswerRaw,
    finish_type: tree.finishType ?? "give_answer",
    function: tree.functions,
    chain: [],
  };
  if (leaf !== null) ag.train_messages = conv.trainMessages(leaf);
  ag.query = tree.query;
  return ag;
}

/** ReACT tries: each child of the root is one try's chain (a chain follows single children). */
function tries(conv: TreeConversations): { chain: NodeJson[]; win: boolean }[] {
  return conv.childrenOf(0).map((start) => {
    const chain: NodeJson[] = [];
    let win = false;
    for (let idx: number | undefined = start; idx !== undefined; idx = conv.childrenOf(idx)[0]) {
      const n = conv.node(idx)!;
      chain.push(nodeJson(n));
      if (n.observationCode === 3 && !n.pruned) win = true;
    }
    return { chain, win };
  });
}

/** The answer file's JSON for a tree. */
export function toAnswerFile(tree: ExportTree): Record<string, unknown> {
  const conv = new TreeConversations(tree);
  if (tree.method === "react") {
    const trys = tries(conv);
    const ag = answerGeneration(tree, conv);
    delete ag.finish_type; // CoT files carry none
    return { win: tree.win ?? false, try_count: trys.length, trys, compare_candidates: [], forward_args: tree.forwardArgs ?? {}, answer_generation: ag };
  }
  return {
    win: tree.win ?? false,
    tree: nestedTree(conv, tree),
    forward_args: tree.forwardArgs ?? {},
    compare_candidates: [],
    answer_generation: answerGeneration(tree, conv),
  };
}

const safeSegment = (s: string) => s.replace(/[^A-Za-z0-9@._-]+/g, "_").slice(0, 80);

/**
 * Where the tree goes in the archive, named as ToolBench names answers so the importer reads back
 * the group, query id, model and method: `G1_answer/57_ChatGPT_DFS_woFilter_w2.json`. A tree without
 * a query id is `tree-<id>.json`; a second tree with the same name goes into a `more-<id>` folder.
 */
export function answerFilePath(tree: ExportTree, taken: (name: string) => boolean): string {
  const folder = /^G[1-3]$/.test(tree.group) ? `${tree.group}_answer` : "answer";
  const stem =
    tree.externalId && /^\d+$/.test(tree.externalId)
      ? [tree.externalId, tree.model ? safeSegment(tree.model) : undefined, safeSegment(tree.methodLabel)].filter(Boolean).join("_")
      : `tree-${tree.id}`;
  const name = `${folder}/${stem}.json`;
  return taken(name) ? `${folder}/more-${tree.id}/${stem}.json` : name;
}
