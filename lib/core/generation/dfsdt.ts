// DFSDT as ToolBench runs it (`DFS_woFilter_w2`): a pre-order depth-first search where every LLM
// call adds one expansion, each node gets up to `beam` children, a give-up or final answer backs the
// search up two levels, and the first final answer ends it. Deterministic given the LLM's replies and
// the observations; every node is reported as it is made.
import { buildDiversityPrompt, buildInitialMessages } from "./prompts";
import { callLlm, expandReply, replyTokens, type LlmReply } from "./expand";
import { chooseExported, summarizeAnswer, type AnswerGeneration, type GiveUpChooser } from "./answer";
import { earlierFirstActions, TreeBuilder, type TreeNode } from "./tree";
import type { EventSink, GeneratedNode, SolveTask, SolveWorld, TokenUsage } from "./types";

export interface DfsdtLimits {
  /** Children generated per node (ToolBench's tree_beam_size). */
  beam: number;
  /** A node this deep (the root is 0) is not expanded (single_chain_max_step). */
  maxDepth: number;
  /** The run stops when this many LLM calls have been made; the last call's reply is discarded (max_query_count). */
  maxLlmCalls: number;
  /** Final answers to find before stopping. */
  answers: number;
  /** Observations longer than this (in characters) are cut and end with "..." (max_observation_length). */
  maxObservationLength: number;
  /** See CallOptions.llmErrors; "record" is ToolBench's behaviour. */
  llmErrors: "record" | "throw";
  /**
   * Levels a leaf stopped by the depth limit (or a pruned failed-call Thought) backs the search up.
   * ToolBench's code returns 1 (the parent tries its next child). The G1 answer files released in ToolBench's data_example were made
   * by an earlier revision that returned 2 for every pruned leaf, as for a give-up (the grandparent
   * tries next); replay finds which one a file needs.
   */
  depthLimitBack: 1 | 2;
}

export const DEFAULT_DFSDT_LIMITS: DfsdtLimits = { beam: 2, maxDepth: 12, maxLlmCalls: 200, answers: 1, maxObservationLength: 1024, llmErrors: "record", depthLimitBack: 1 };

export interface RunOptions {
  onEvent?: EventSink;
  /** Checked before every LLM call; an aborted run throws RunCancelledError. */
  signal?: AbortSignal;
  /** Which give-up node to export when there is no answer (default: uniform with world.random, else the first). */
  chooseGiveUp?: GiveUpChooser;
}

export type StopReason = "answer" | "budget" | "exhausted";

export interface DfsdtResult {
  methodLabel: string;
  win: boolean;
  stopReason: StopReason;
  /** Final state of every node, in creation order. */
  nodes: GeneratedNode[];
  /** The node whose path became train_messages (a final answer or the exported give-up), if any. */
  chosenNodeId: number | null;
  /** Final-answer nodes that were not pruned (ToolBench's compare_candidates). */
  answerNodeIds: number[];
  answer: AnswerGeneration;
  forwardArgs: { single_chain_max_step: number; tree_beam_size: number; max_query_count: number; answer: number; with_filter: false };
}

// ToolBench's return values: how many levels to back up. A final answer and a give-up both send the
// search back two levels (the parent stops; the grandparent tries a new child); the large ones unwind
// everything.
const FINAL_ANSWER_BACK = 2;
const GIVE_UP_BACK = 2;
const FOUND = 10_000;
const OUT_OF_CALLS = 100_000;

export async function runDfsdt(task: SolveTask, world: SolveWorld, limits: Partial<DfsdtLimits> = {}, options: RunOptions = {}): Promise<DfsdtResult> {
  const lim = { ...DEFAULT_DFSDT_LIMITS, ...limits };
  const builder = new TreeBuilder(buildInitialMessages(task), options.onEvent);
  await builder.start();
  const terminals: TreeNode[] = [];
  const giveUps: TreeNode[] = [];
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let queryCount = 0;
  let nextExpandNum = 0;
  let outOfCalls = false;
  const callOptions = { llm: world.llm, functions: task.functions, emit: options.onEvent, signal: options.signal, llmErrors: lim.llmErrors };
  const expandOptions = { functions: task.functions, execute: world.execute, maxObservationLength: lim.maxObservationLength };

  const addUsage = (reply: LlmReply) => {
    usage.totalTokens += replyTokens(reply);
    if ("error" in reply) return;
    usage.promptTokens += reply.usage.promptTokens;
    usage.completionTokens += reply.usage.completionTokens;
  };

  async function search(node: TreeNode): Promise<number> {
    await builder.set(node, { expandNum: nextExpandNum++ });
    if (node.depth >= lim.maxDepth || node.pruned || node.isTerminal) {
      if (node.isTerminal) {
        terminals.push(node);
        return FINAL_ANSWER_BACK;
      }
      // Nodes stopped by the depth limit are marked pruned too (ToolBench sets the flag here).
      await builder.set(node, { pruned: true });
      if (node.observationCode === 4) {
        giveUps.push(node);
        return GIVE_UP_BACK;
      }
      return lim.depthLimitBack;
    }
    for (let i = 0; i < lim.beam; i++) {
      // A node that already has children asks for something unlike their first actions.
      let diversityAdded = false;
      if (node.children.length > 0) {
        const candidates = earlierFirstActions(node);
        if (candidates.length > 0) {
          node.messages.push({ role: "user", content: buildDiversityPrompt(candidates, node.observation) });
          diversityAdded = true;
        }
      }
      const reply = await callLlm(node, queryCount + 1, callOptions);
      queryCount++;
      addUsage(reply);
      if (queryCount >= lim.maxLlmCalls) {
        outOfCalls = true;
        return OUT_OF_CALLS;
      }
      // The prompt was for this call only: hidden from every later call (and from children's copies).
      if (diversityAdded) {
        const last = node.messages[node.messages.length - 1]!;
        if (last.role === "user") node.messages[node.messages.length - 1] = { ...last, valid: false };
      }
      const last = await expandReply(builder, node, reply, queryCount, expandOptions);
      if (last.isTerminal) await builder.makeFinish(last, FINAL_ANSWER_BACK);
      const result = await search(last);
      if (terminals.length >= lim.answers) return FOUND;
      if (result > 1) return result - 1;
    }
    return 1;
  }

  await search(builder.root);

  const chosen = chooseExported(terminals, giveUps, options.chooseGiveUp, world.random);
  return {
    methodLabel: `DFS_woFilter_w${lim.beam}`,
    win: terminals.length > 0,
    stopReason: terminals.length > 0 ? "answer" : outOfCalls ? "budget" : "exhausted",
    nodes: builder.nodes.map((n) => n.snapshot()),
    chosenNodeId: chosen.node?.id ?? null,
    answerNodeIds: terminals.filter((n) => !n.pruned).map((n) => n.id),
    answer: summarizeAnswer({ task, chosen, queryCount, usage }),
    forwardArgs: { single_chain_max_step: lim.maxDepth, tree_beam_size: lim.beam, max_query_count: lim.maxLlmCalls, answer: lim.answers, with_filter: false },
  };
}
