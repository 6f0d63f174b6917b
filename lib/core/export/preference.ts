// Preference pairs for DPO: where the training path and a failed sibling branch part, the shared
// conversation is the prompt, the training path's continuation is "chosen" and the failed branch's
// first attempt (followed to its end) is "rejected".
import { toOpenAiMessages, toOpenAiTools, isHiddenMessage, type OpenAiMessage, type OpenAiTool } from "./chat-formats";
import { TreeConversations, trainingLeaf } from "./conversation";
import type { ExportTree, TrainMessage } from "./types";

export interface PreferencePair {
  tree_id: number;
  query_id: string | null;
  /** idx of the node where the branches part */
  branch_node: number;
  prompt: OpenAiMessage[];
  chosen: OpenAiMessage[];
  rejected: OpenAiMessage[];
  tools: OpenAiTool[];
}

const visible = (messages: readonly TrainMessage[]) => messages.filter((m) => !isHiddenMessage(m));

/** Up to the last assistant message: a continuation ends with what the model said. */
function endAtAssistant(messages: TrainMessage[]): TrainMessage[] {
  let end = messages.length;
  while (end > 0 && messages[end - 1]!.role !== "assistant") end--;
  return messages.slice(0, end);
}

function hasAnswer(conv: TreeConversations, idx: number): boolean {
  const n = conv.node(idx);
  if (!n) return false;
  if (n.type === "ActionInput" && n.observationCode === 3 && !n.pruned) return true;
  return conv.childrenOf(idx).some((c) => hasAnswer(conv, c));
}

/** A branch's first attempt: first children down to a leaf. */
function firstLeaf(conv: TreeConversations, idx: number): number {
  let at = idx;
  for (let next = conv.childrenOf(at)[0]; next !== undefined; next = conv.childrenOf(at)[0]) at = next;
  return at;
}

/**
 * The nodes whose contents `preferencePairs` reads (the training path's conversation and each failed
 * sibling's first attempt); of the others it reads only the outline. Follows `preferencePairs` below.
 */
export function preferenceContentNeeds(tree: ExportTree, into: Set<number>): void {
  const leaf = trainingLeaf(tree);
  if (leaf === null) return;
  const conv = new TreeConversations(tree);
  const path = conv.path(leaf);
  conv.addContentNeeds(leaf, into);
  for (let i = 0; i + 1 < path.length; i++) {
    const at = path[i]!;
    const onPath = path[i + 1]!.idx;
    for (const sibling of conv.childrenOf(at.idx)) {
      if (sibling === onPath || hasAnswer(conv, sibling)) continue;
      conv.addContentNeeds(firstLeaf(conv, sibling), into);
    }
  }
}

export function preferencePairs(tree: ExportTree): PreferencePair[] {
  const leaf = trainingLeaf(tree);
  if (leaf === null) return [];
  const conv = new TreeConversations(tree);
  const path = conv.path(leaf);
  const tools = toOpenAiTools(tree.functions);
  const pairs: PreferencePair[] = [];
  const chosenAll = visible(conv.createdMessages(leaf));
  for (let i = 0; i + 1 < path.length; i++) {
    const at = path[i]!;
    const onPath = path[i + 1]!.idx;
    const prompt = visible(conv.createdMessages(at.idx));
    const chosen = endAtAssistant(chosenAll.slice(prompt.length));
    if (chosen.length === 0) continue;
    for (const sibling of conv.childrenOf(at.idx)) {
      if (sibling === onPath || hasAnswer(conv, sibling)) continue;
      const rejected = endAtAssistant(visible(conv.createdMessages(firstLeaf(conv, sibling))).slice(prompt.length));
      if (rejected.length === 0) continue;
      pairs.push({
        tree_id: tree.id,
        query_id: tree.externalId,
        branch_node: at.idx,
        prompt: toOpenAiMessages(prompt),
        chosen: toOpenAiMessages(chosen),
        rejected: toOpenAiMessages(rejected),
        tools,
      });
    }
  }
  return pairs;
}
