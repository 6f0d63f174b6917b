// The conversations of a stored tree, rebuilt from its nodes the way ToolBench's DFSDT grew them:
// every node holds the messages that led to it; a reply adds an assistant message (and, for a call,
// the function's result); before a node's second and later children the search adds a hidden
// "try something different" prompt listing the earlier children's first actions. From these,
// `trainMessages` is ToolBench's `get_train_messages_from_this_node`.
import { formatDiversityCandidates, buildDiversityPrompt, type DiversityCandidate } from "@/lib/core/generation/prompts";
import type { ExportNode, ExportTree, TrainMessage } from "./types";

export const HALLUCINATED_FUNCTION_NAME = "invalid_hallucination_function_name";

// The wording of ToolBench's released data (DIVERSITY_PROMPT in its DFS search), reproduced so that
// exported train_messages match ToolBench's files. Trees Arbor generated get Arbor's own wording,
// which is what their model saw.
const TOOLBENCH_DIVERSITY_HEAD =
  "This is not the first time you try this task, all previous trails failed.\n" +
  "Before you generate my thought for this state, I will first show you your previous actions for this state, and then you must generate actions that is different from all of them. Here are some previous actions candidates:\n";
const TOOLBENCH_DIVERSITY_TAIL =
  "\nRemember you are now in the intermediate state of a trail, you will first analyze the now state and previous action candidates, then make actions that is different from all the previous.";

function toolbenchDiversityPrompt(candidates: readonly DiversityCandidate[], formerObservation: string): string {
  let listed = `${formatDiversityCandidates(candidates)}\n`;
  if (formerObservation !== "") listed += `again, your former observation: ${formerObservation}\n`;
  return TOOLBENCH_DIVERSITY_HEAD + listed + TOOLBENCH_DIVERSITY_TAIL;
}

export const userMessageFor = (query: string) => `\n${query}\nBegin!\n`;

/** A tree's nodes with their children, ready to rebuild conversations. */
export class TreeConversations {
  private readonly children: number[][];
  private readonly created = new Map<number, TrainMessage[]>();
  private readonly diverse: boolean;
  private readonly arborWording: boolean;

  constructor(private readonly tree: ExportTree) {
    const nodes = tree.nodes;
    this.children = nodes.map(() => []);
    for (const n of nodes) if (n.parentIdx !== null) this.children[n.parentIdx]?.push(n.idx);
    for (const list of this.children) list.sort((a, b) => nodes[a]!.position - nodes[b]!.position);
    // ReACT tries restart from scratch: only a tree search asks for different actions.
    this.diverse = tree.method === "dfsdt" || tree.method === "dfs";
    this.arborWording = tree.sourceKind === "generated";
  }

  node(idx: number): ExportNode | undefined {
    return this.tree.nodes[idx];
  }

  childrenOf(idx: number): readonly number[] {
    return this.children[idx] ?? [];
  }

  /** The nodes from the root to `idx`, root first. */
  path(idx: number): ExportNode[] {
    const out: ExportNode[] = [];
    for (let n = this.node(idx); n; n = n.parentIdx === null ? undefined : this.node(n.parentIdx)) out.unshift(n);
    return out;
  }

  /**
   * Whether a Thought was a reply of its own (text, no call). The search enters only the last node an
   * LLM reply made, and only entered nodes get a visit number, so a Thought followed by its call's
   * Action in the same reply has none.
   */
  private thoughtOnly(n: ExportNode): boolean {
    const expansion = n.meta?.expansion;
    if (typeof expansion === "number") {
      const first = this.childrenOf(n.idx)[0];
      const child = first === undefined ? undefined : this.node(first);
      return !(child?.type === "Action" && child.meta?.expansion === expansion);
    }
    return n.expandNum > 0 || this.childrenOf(n.idx).length === 0 || n.observationCode === -1;
  }

  /** The messages a node adds to the conversation it copied from its parent. */
  private ownMessages(n: ExportNode): TrainMessage[] {
    if (n.parentIdx === null) {
      const out: TrainMessage[] = [];
      if (this.tree.systemPrompt !== null) out.push({ role: "system", content: this.tree.systemPrompt });
      out.push({ role: "user", content: userMessageFor(this.tree.query) });
      return out;
    }
    if (n.type === "Thought") return this.thoughtOnly(n) ? [{ role: "assistant", content: n.text }] : [];
    if (n.type !== "ActionInput") return [];
    const action = this.node(n.parentIdx);
    const before = action?.parentIdx === null || action?.parentIdx === undefined ? undefined : this.node(action.parentIdx);
    const thought = before && before.type === "Thought" && before.parentIdx !== null && !this.thoughtOnly(before) ? before.text : null;
    const name = n.observationCode === 1 ? HALLUCINATED_FUNCTION_NAME : (action?.text ?? n.functionName ?? "");
    return [
      { role: "assistant", content: thought, function_call: { name, arguments: n.text } },
      { role: "function", name, content: n.observation ?? "" },
    ];
  }

  /** The earlier children's first actions, for the prompt before child `position` of `parent`. */
  private candidates(parent: number, position: number): DiversityCandidate[] {
    const out: DiversityCandidate[] = [];
    const kids = this.childrenOf(parent);
    for (let i = 0; i < position && i < kids.length; i++) {
      let n = this.node(kids[i]!)!;
      while (!n.isTerminal && n.type !== "ActionInput" && this.childrenOf(n.idx).length > 0) n = this.node(this.childrenOf(n.idx)[0]!)!;
      if (n.type === "ActionInput") {
        const action = n.parentIdx === null ? undefined : this.node(n.parentIdx);
        out.push({ name: action?.text ?? "", arguments: n.text, functionOutput: n.observation ?? "" });
      }
    }
    return out;
  }

  /** The node's messages as they stood once it was made (its own reply included). */
  createdMessages(idx: number): TrainMessage[] {
    const cached = this.created.get(idx);
    if (cached) return cached;
    const n = this.node(idx);
    if (!n) return [];
    const messages: TrainMessage[] = [];
    if (n.parentIdx !== null) {
      messages.push(...this.createdMessages(n.parentIdx));
      if (this.diverse) {
        const parent = this.node(n.parentIdx)!;
        const position = this.childrenOf(n.parentIdx).indexOf(idx);
        for (let j = 1; j <= position; j++) {
          const candidates = this.candidates(n.parentIdx, j);
          if (candidates.length === 0) continue;
          const observation = parent.observation ?? "";
          const content = this.arborWording ? buildDiversityPrompt(candidates, observation) : toolbenchDiversityPrompt(candidates, observation);
          messages.push({ role: "user", content, valid: false });
        }
      }
    }
    messages.push(...this.ownMessages(n));
    this.created.set(idx, messages);
    return messages;
  }

  /**
   * Adds to `into` the nodes whose contents (text, observation, meta, visit counts) `createdMessages(idx)`
   * reads, and so `trainMessages(idx)`; of every other node they read only the outline (parent,
   * position, type, flags). It follows the reads of `createdMessages` and `ownMessages` above: change
   * them together.
   */
  addContentNeeds(idx: number, into: Set<number>): void {
    for (let n = this.node(idx); n; n = n.parentIdx === null ? undefined : this.node(n.parentIdx)) {
      into.add(n.idx);
      if (n.parentIdx === null) continue; // the root's messages come from the tree
      if (n.type === "Thought") this.addThoughtOnlyNeeds(n.idx, into);
      else if (n.type === "ActionInput") {
        const action = this.node(n.parentIdx);
        if (action) {
          into.add(action.idx);
          if (action.parentIdx !== null) this.addThoughtOnlyNeeds(action.parentIdx, into);
        }
      }
      if (!this.diverse) continue;
      const kids = this.childrenOf(n.parentIdx);
      const position = kids.indexOf(n.idx);
      // the diversity prompts before this child name the earlier children's first actions
      for (let i = 0; i < position && i < kids.length; i++) {
        let c = this.node(kids[i]!)!;
        while (!c.isTerminal && c.type !== "ActionInput" && this.childrenOf(c.idx).length > 0) c = this.node(this.childrenOf(c.idx)[0]!)!;
        if (c.type === "ActionInput") {
          into.add(c.idx);
          if (c.parentIdx !== null) into.add(c.parentIdx);
        }
      }
    }
  }

  /** `thoughtOnly` reads the node and its first child. */
  private addThoughtOnlyNeeds(idx: number, into: Set<number>): void {
    into.add(idx);
    const first = this.childrenOf(idx)[0];
    if (first !== undefined) into.add(first);
  }

  /** ToolBench's train_messages for the path to `leafIdx`: one conversation per step, each ending with the step's reply. */
  trainMessages(leafIdx: number): TrainMessage[][] {
    const result: TrainMessage[][] = [];
    for (const n of this.path(leafIdx)) {
      if (n.parentIdx === null) continue;
      const messages = this.createdMessages(n.idx).slice();
      if (n.type === "ActionInput") {
        while (messages.length > 0 && messages[messages.length - 1]!.role !== "assistant") messages.pop();
      } else if (n.type === "Thought") {
        while (messages.length > 0 && messages[messages.length - 1]!.role === "user") messages.pop();
      } else continue;
      const kept = keepLatestHidden(messages);
      if (kept.length > 0 && kept[kept.length - 1]!.role === "assistant") result.push(kept);
    }
    return result;
  }
}

const isHidden = (m: TrainMessage) => (m.role === "user" || m.role === "system") && m.valid === false;

/** Keeps visible messages and only the most recent hidden one (ToolBench's `sift_first_invalid_message`). */
export function keepLatestHidden(messages: readonly TrainMessage[]): TrainMessage[] {
  let keptHidden = false;
  const out: TrainMessage[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const hidden = isHidden(m);
    if (!hidden || !keptHidden) out.push(m);
    if (hidden) keptHidden = true;
  }
  return out.reverse();
}

/** The training path's last node, or null when the tree has none. */
export function trainingLeaf(tree: ExportTree): number | null {
  const idx = tree.chosenNodeIdx;
  return idx !== null && tree.nodes[idx] ? idx : null;
}
