// The LLM replies and observations an answer file implies. A file stores the tree, not the calls, so
// they are read back from its nodes: each expansion is an optional Thought (the reply's text) and an
// Action + Action Input (the call and its observation). In DFSDT trees `expand_num` orders them: every
// expansion's last node is visited right after it is made. CoT chains are already in call order.
import type { NormalizedMessage } from "@/lib/core/toolbench/messages";
import type { ParsedNode } from "@/lib/core/toolbench/types";
import { NO_USAGE, type RecordedExpansion } from "./recording";

export interface FileRecording {
  recording: RecordedExpansion[];
  /** Where the file's tree cannot be read as a sequence of calls. */
  problems: string[];
}

/** One expansion's nodes (top-down) as a recorded reply. */
function expansionOf(group: readonly ParsedNode[]): RecordedExpansion | string {
  const [first, second, third] = group;
  if (!first) return "an empty expansion";
  if (first.type === "Thought" && first.observationCode === -1 && group.length === 1) return { reply: { error: first.text } };
  const thought = first.type === "Thought" ? first : undefined;
  const action = thought ? second : first;
  const input = thought ? third : second;
  const extra = group.length - (thought ? 1 : 0) - (action ? 2 : 0);
  if (action && (action.type !== "Action" || !input || input.type !== "ActionInput")) return `node ${(action ?? first).idx}: expected Action then Action Input`;
  if (extra !== 0) return `node ${first.idx}: an expansion of ${group.length} nodes`;
  return {
    reply: { content: thought ? thought.text : null, functionCall: action && input ? { name: action.text, arguments: input.text } : null, usage: NO_USAGE },
    ...(input ? { observation: { observation: input.observation ?? "", code: input.observationCode ?? 0 } } : {}),
  };
}

/**
 * A DFSDT tree's calls in order. `queryCount` beyond the expansions found is the call that ran the
 * budget out (ToolBench counts it and discards its reply): it is served as an empty reply.
 */
export function recordingFromDfsTree(nodes: readonly ParsedNode[], queryCount: number): FileRecording {
  const problems: string[] = [];
  const visited = nodes.filter((n) => n.expandNum > 0).sort((a, b) => a.expandNum - b.expandNum);
  visited.forEach((n, i) => {
    if (n.expandNum !== i + 1) problems.push(`expand_num ${n.expandNum} follows ${i === 0 ? "the root" : visited[i - 1]!.expandNum}: a visit left no node`);
  });
  const isVisited = (n: ParsedNode) => n.parentIdx === null || n.expandNum > 0;
  const recording: RecordedExpansion[] = [];
  for (const end of visited) {
    const group: ParsedNode[] = [];
    let n: ParsedNode | undefined = end;
    do {
      group.unshift(n);
      n = n.parentIdx === null ? undefined : nodes[n.parentIdx];
    } while (n && !isVisited(n));
    const expansion = expansionOf(group);
    if (typeof expansion === "string") problems.push(expansion);
    else recording.push(expansion);
  }
  for (let k = recording.length; k < queryCount; k++) recording.push({ reply: { content: null, functionCall: null, usage: NO_USAGE } });
  return { recording, problems };
}

/**
 * A CoT file's calls, try by try. A Thought directly followed by an Action is either one reply (text
 * plus call) or two (a text-only reply, then a call without text); the chain alone cannot tell. The
 * file's training conversation can (a text-only assistant message means two), and otherwise the
 * query count can when it leaves a single reading.
 */
export function recordingFromCotTree(nodes: readonly ParsedNode[], queryCount: number, conversation: readonly NormalizedMessage[]): FileRecording {
  const problems: string[] = [];
  const chains = nodes.filter((n) => n.parentIdx === 0).map((first) => {
    const chain = [first];
    for (let n = first; n.childCount > 0; ) {
      n = nodes.find((c) => c.parentIdx === n.idx)!;
      chain.push(n);
    }
    return chain;
  });
  const textOnly = new Set(conversation.filter((m) => m.role === "assistant" && m.calls.length === 0 && m.content !== null).map((m) => m.content));
  const withCall = new Set(conversation.filter((m) => m.role === "assistant" && m.calls.length > 0 && m.content).map((m) => m.content));

  type Split = { chain: number; at: number; decided: boolean | undefined };
  const splits: Split[] = [];
  chains.forEach((chain, c) =>
    chain.forEach((n, i) => {
      if (n.type !== "Thought" || chain[i + 1]?.type !== "Action") return;
      const decided = textOnly.has(n.text) && !withCall.has(n.text) ? true : withCall.has(n.text) && !textOnly.has(n.text) ? false : undefined;
      splits.push({ chain: c, at: i, decided });
    }),
  );
  const countWith = (splitAll: boolean) => chains.reduce((sum, chain, c) => sum + groupsOf(chain, (i) => decide(splits, c, i, splitAll)).length, 0);
  const undecided = splits.filter((s) => s.decided === undefined);
  let splitUndecided = false;
  if (undecided.length > 0) {
    const [joined, split] = [countWith(false), countWith(true)];
    if (split === queryCount && joined !== queryCount) splitUndecided = true;
    else if (joined !== queryCount) problems.push(`cannot tell which of ${undecided.length} thoughts were replies of their own (query_count ${queryCount})`);
  }
  const recording: RecordedExpansion[] = [];
  chains.forEach((chain, c) => {
    for (const group of groupsOf(chain, (i) => decide(splits, c, i, splitUndecided))) {
      const expansion = expansionOf(group);
      if (typeof expansion === "string") problems.push(expansion);
      else recording.push(expansion);
    }
  });
  return { recording, problems };
}

function decide(splits: readonly { chain: number; at: number; decided: boolean | undefined }[], chain: number, at: number, fallback: boolean): boolean {
  const s = splits.find((x) => x.chain === chain && x.at === at);
  return s ? (s.decided ?? fallback) : false;
}

/** Cuts a chain into expansions: an expansion ends at an Action Input, or at a Thought not joined to the Action after it. */
function groupsOf(chain: readonly ParsedNode[], thoughtStandsAlone: (i: number) => boolean): ParsedNode[][] {
  const groups: ParsedNode[][] = [];
  let current: ParsedNode[] = [];
  chain.forEach((n, i) => {
    current.push(n);
    const next = chain[i + 1];
    const ends = n.type === "ActionInput" || (n.type === "Thought" && (next === undefined || next.type !== "Action" || thoughtStandsAlone(i)));
    if (ends) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
