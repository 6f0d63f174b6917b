// The in-memory tree both engines grow: nodes in creation order, each holding the conversation that
// leads to it (as ToolBench's nodes do), with every creation and flag change reported as an event.
import type { NodeType } from "@/lib/core/toolbench/types";
import type { DiversityCandidate } from "./prompts";
import type { ChatMessage, EventSink, GeneratedNode, NodeFlags, TokenUsage } from "./types";

export class TreeNode {
  readonly children: TreeNode[] = [];
  pruned = false;
  finished = false;
  isTerminal = false;
  expandNum = 0;
  observation = "";
  observationCode: number | undefined;
  usage: TokenUsage | undefined;

  constructor(
    readonly id: number,
    readonly parent: TreeNode | null,
    readonly type: NodeType,
    readonly text: string,
    readonly functionName: string | undefined,
    readonly expansion: number,
    /** The messages up to this node; appended to as the search goes on (replies, diversity prompts). */
    public messages: ChatMessage[],
  ) {}

  get depth(): number {
    return this.parent ? this.parent.depth + 1 : 0;
  }

  get position(): number {
    return this.parent ? this.parent.children.indexOf(this) : 0;
  }

  snapshot(): GeneratedNode {
    return {
      id: this.id,
      parentId: this.parent?.id ?? null,
      position: this.position,
      depth: this.depth,
      type: this.type,
      text: this.text,
      ...(this.functionName !== undefined ? { functionName: this.functionName } : {}),
      ...(this.type === "ActionInput" && this.parent ? { observation: this.observation } : {}),
      ...(this.observationCode !== undefined ? { observationCode: this.observationCode } : {}),
      pruned: this.pruned,
      finished: this.finished,
      isTerminal: this.isTerminal,
      expandNum: this.expandNum,
      expansion: this.expansion,
      ...(this.usage ? { usage: this.usage } : {}),
    };
  }
}

/** Creates nodes and changes flags, reporting each as an event (awaited, so a sink can persist first). */
export class TreeBuilder {
  readonly nodes: TreeNode[] = [];
  readonly root: TreeNode;

  constructor(
    initialMessages: ChatMessage[],
    private readonly emit: EventSink | undefined,
  ) {
    // ToolBench's root is an empty "Action Input" node holding the system and user messages.
    this.root = new TreeNode(0, null, "ActionInput", "", undefined, 0, initialMessages);
    this.nodes.push(this.root);
  }

  async start(): Promise<void> {
    await this.emit?.({ type: "node", node: this.root.snapshot() });
  }

  async add(
    parent: TreeNode,
    type: NodeType,
    text: string,
    expansion: number,
    init: { functionName?: string; observation?: string; observationCode?: number; pruned?: boolean; isTerminal?: boolean; usage?: TokenUsage } = {},
  ): Promise<TreeNode> {
    const node = new TreeNode(this.nodes.length, parent, type, text, init.functionName, expansion, parent.messages.slice());
    if (init.observation !== undefined) node.observation = init.observation;
    node.observationCode = init.observationCode;
    node.pruned = init.pruned ?? false;
    node.isTerminal = init.isTerminal ?? false;
    node.usage = init.usage;
    parent.children.push(node);
    this.nodes.push(node);
    await this.emit?.({ type: "node", node: node.snapshot() });
    return node;
  }

  async set(node: TreeNode, changes: NodeFlags): Promise<void> {
    const changed: NodeFlags = {};
    for (const key of Object.keys(changes) as (keyof NodeFlags)[]) {
      const value = changes[key];
      if (value === undefined || node[key] === value) continue;
      (node as unknown as Record<string, unknown>)[key] = value;
      (changed as Record<string, unknown>)[key] = value;
    }
    if (Object.keys(changed).length > 0) await this.emit?.({ type: "update", id: node.id, changes: changed });
  }

  /** ToolBench's `make_finish`: marks the node and its ancestors finished, up through `interVal` Action Input ancestors. */
  async makeFinish(node: TreeNode, interVal: number): Promise<void> {
    let current: TreeNode | null = node;
    let remaining = interVal;
    while (current) {
      await this.set(current, { finished: true });
      if (current.type === "ActionInput") remaining--;
      current = remaining >= 0 ? current.parent : null;
    }
  }
}

/**
 * The first action of each existing child, for the diversity prompt: from each child ToolBench walks
 * down first children until an Action Input (or a terminal or childless node); children that never
 * reach one, e.g. a lone thought, are left out.
 */
export function earlierFirstActions(node: TreeNode): DiversityCandidate[] {
  const out: DiversityCandidate[] = [];
  for (const child of node.children) {
    let n = child;
    while (!n.isTerminal && n.type !== "ActionInput" && n.children.length > 0) n = n.children[0]!;
    if (n.type === "ActionInput") out.push({ name: n.parent?.text ?? "", arguments: n.text, functionOutput: n.observation });
  }
  return out;
}

/** Keeps valid messages and only the most recent hidden one (ToolBench's `sift_first_invalid_message`). */
function keepLatestHidden(messages: ChatMessage[]): ChatMessage[] {
  let keptHidden = false;
  const out: ChatMessage[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const hidden = m.role === "user" && m.valid === false;
    if (!hidden || !keptHidden) out.unshift(m);
    if (hidden) keptHidden = true;
  }
  return out;
}

/**
 * The training conversations of the path to `node` (ToolBench's `get_train_messages_from_this_node`):
 * one per Action Input on the path, cut after its assistant message; a Thought contributes one when
 * its messages (trailing user messages removed) end with an assistant message, which happens for a
 * thought-only reply and, as in ToolBench, for a Thought whose parent was one.
 */
export function trainMessagesTo(node: TreeNode): ChatMessage[][] {
  const result: ChatMessage[][] = [];
  for (let n: TreeNode | null = node; n && n.parent; n = n.parent) {
    let messages = n.messages.slice();
    if (n.type === "ActionInput") {
      while (messages.length > 0 && messages[messages.length - 1]!.role !== "assistant") messages.pop();
      result.unshift(keepLatestHidden(messages));
    } else if (n.type === "Thought") {
      while (messages.length > 0 && messages[messages.length - 1]!.role === "user") messages.pop();
      messages = keepLatestHidden(messages);
      if (messages.length > 0 && messages[messages.length - 1]!.role === "assistant") result.unshift(messages);
    }
  }
  return result;
}

/** The LLM sees the conversation without hidden messages (ToolBench filters `valid: false` before each call). */
export const visibleMessages = (messages: readonly ChatMessage[]): ChatMessage[] =>
  messages.filter((m) => !(m.role === "user" && m.valid === false));
