// ReACT / CoT@N as ToolBench's `single_chain` runs it: one linear chain per try, each LLM call adding
// one expansion, until the chain gives an answer, gives up (pruned), or reaches the depth limit
// (pruned); up to N tries, stopping at the first answer. The tries are held as sibling chains under
// one root, which is how Arbor stores CoT files too.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { buildInitialMessages } from "./prompts";
import { callLlm, expandReply, replyTokens } from "./expand";
import type { EventSink, SolveTask, SolveWorld, TokenUsage, GeneratedNode, ChatMessage } from "./types";
import { trainMessagesTo, TreeBuilder, type TreeNode } from "./tree";
import type { StopReason } from "./dfsdt";

export interface ReactLimits {
  /** N in CoT@N: how many chains to try. */
  tries: number;
  /** A chain whose last node is this deep (the root is 0) stops, pruned (single_chain_max_step). */
  maxDepth: number;
  /** Answers to find before stopping. */
  answers: number;
  maxObservationLength: number;
  llmErrors: "record" | "throw";
  /**
   * Arbor's guard, not ToolBench's: a chain only grows when a reply has text or a call, so a model
   * answering with empty replies would loop forever in ToolBench. Normal runs use at most
   * maxDepth calls per try and never reach the default.
   */
  maxLlmCalls: number;
}

export const DEFAULT_REACT_LIMITS: ReactLimits = { tries: 1, maxDepth: 12, answers: 1, maxObservationLength: 1024, llmErrors: "record", maxLlmCalls: 200 };

export interface ReactTry {
  /** The chain's nodes from the root's child to its end, in order. */
  nodeIds: number[];
  endNodeId: number;
  /** ToolBench's per-try `win`: whether an earlier try had already succeeded (always false with one answer). */
  win: boolean;
  answered: boolean;
}

export interface ReactAnswer {
  validData: boolean;
  finalAnswer: string;
  queryCount: number;
  totalTokens: number;
  promptTokens: number;
  completionTokens: number;
  functions: OpenAiFunction[];
  /** [] when there is no answer (CoT files keep the key). */
  trainMessages: ChatMessage[][];
  query: string;
}

export interface ReactResult {
  methodLabel: string;
  win: boolean;
  stopReason: StopReason;
  nodes: GeneratedNode[];
  tries: ReactTry[];
  chosenNodeId: number | null;
  answerNodeIds: number[];
  answer: ReactAnswer;
  forwardArgs: { single_chain_max_step: number; pass_at: number; answer: number };
}

export async function runReact(
  task: SolveTask,
  world: Pick<SolveWorld, "llm" | "execute">,
  limits: Partial<ReactLimits> = {},
  options: { onEvent?: EventSink; signal?: AbortSignal } = {},
): Promise<ReactResult> {
  const lim = { ...DEFAULT_REACT_LIMITS, ...limits };
  const initial = buildInitialMessages(task);
  const builder = new TreeBuilder(initial.slice(), options.onEvent);
  await builder.start();
  const callOptions = { llm: world.llm, functions: task.functions, emit: options.onEvent, signal: options.signal, llmErrors: lim.llmErrors };
  const expandOptions = { functions: task.functions, execute: world.execute, maxObservationLength: lim.maxObservationLength };
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const ends: TreeNode[] = [];
  const tries: ReactTry[] = [];
  let queryCount = 0;
  let successes = 0;
  let outOfCalls = false;

  for (let t = 0; t < lim.tries && !outOfCalls && successes < lim.answers; t++) {
    // Every try starts from a fresh root in ToolBench; the shared root is reset to the same messages.
    builder.root.messages = initial.slice();
    let now = builder.root;
    for (;;) {
      if (queryCount >= lim.maxLlmCalls) {
        outOfCalls = true;
        break;
      }
      const reply = await callLlm(now, queryCount + 1, callOptions);
      queryCount++;
      usage.totalTokens += replyTokens(reply);
      if (!("error" in reply)) {
        usage.promptTokens += reply.usage.promptTokens;
        usage.completionTokens += reply.usage.completionTokens;
      }
      now = await expandReply(builder, now, reply, queryCount, expandOptions);
      if (now.depth >= lim.maxDepth && !now.isTerminal) await builder.set(now, { pruned: true });
      if (now.pruned || now.isTerminal) break;
    }
    ends.push(now);
    tries.push({ nodeIds: chainTo(now), endNodeId: now.id, win: successes > 0, answered: now.isTerminal });
    if (now.isTerminal) successes++;
  }

  const answered = ends.filter((n) => !n.pruned && n.isTerminal);
  const chosen = answered[0];
  return {
    methodLabel: `CoT@${lim.tries}`,
    win: successes > 0,
    stopReason: successes > 0 ? "answer" : outOfCalls ? "budget" : "exhausted",
    nodes: builder.nodes.map((n) => n.snapshot()),
    tries,
    chosenNodeId: chosen?.id ?? null,
    answerNodeIds: answered.map((n) => n.id),
    answer: {
      validData: chosen !== undefined,
      finalAnswer: chosen?.text ?? "",
      queryCount,
      totalTokens: usage.totalTokens,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      functions: task.functions,
      trainMessages: chosen ? trainMessagesTo(chosen) : [],
      query: task.query,
    },
    forwardArgs: { single_chain_max_step: lim.maxDepth, pass_at: lim.tries, answer: lim.answers },
  };
}

function chainTo(node: TreeNode): number[] {
  const ids: number[] = [];
  for (let n: TreeNode | null = node; n && n.parent; n = n.parent) ids.unshift(n.id);
  return ids;
}
