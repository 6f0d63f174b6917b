// What a DFSDT run exports (ToolBench's `answer_generation`): the first final answer, else one of the
// give-up nodes, with the training conversations of its path.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { trainMessagesTo, type TreeNode } from "./tree";
import type { ChatMessage, GeneratedNode, SolveTask, TokenUsage } from "./types";

/**
 * Picks the give-up node to export, by index into `candidates` (in visit order), or null to export
 * none. ToolBench picks uniformly at random; replay picks the one the file exported; null reproduces
 * answer files written before ToolBench had this fallback (valid_data false despite give-ups).
 */
export type GiveUpChooser = (candidates: GeneratedNode[]) => number | null;

export interface AnswerGeneration {
  /** True with a final answer, or with an exported give-up. */
  validData: boolean;
  /** "give_answer" also when nothing was found: ToolBench's default, kept (valid_data false then says it). */
  finishType: "give_answer" | "give_up";
  /** The chosen node's Finish arguments, verbatim; "" when nothing was chosen. */
  finalAnswer: string;
  queryCount: number;
  totalTokens: number;
  promptTokens: number;
  completionTokens: number;
  functions: OpenAiFunction[];
  /** One conversation per step of the chosen path; null when nothing was chosen (ToolBench omits the key). */
  trainMessages: ChatMessage[][] | null;
  query: string;
}

export interface ExportChoice {
  node: TreeNode | undefined;
  kind: "give_answer" | "give_up" | null;
}

export function chooseExported(
  terminals: readonly TreeNode[],
  giveUps: readonly TreeNode[],
  chooser: GiveUpChooser | undefined,
  random: (() => number) | undefined,
): ExportChoice {
  const answer = terminals.find((n) => !n.pruned);
  if (answer) return { node: answer, kind: "give_answer" };
  if (giveUps.length === 0) return { node: undefined, kind: null };
  const index = chooser ? chooser(giveUps.map((n) => n.snapshot())) : random ? Math.floor(random() * giveUps.length) : 0;
  if (index === null) return { node: undefined, kind: null };
  const node = giveUps[index];
  if (!node) throw new RangeError(`the give-up chooser returned ${index}, but there are ${giveUps.length} give-up nodes`);
  return { node, kind: "give_up" };
}

export function summarizeAnswer(input: { task: SolveTask; chosen: ExportChoice; queryCount: number; usage: TokenUsage }): AnswerGeneration {
  const { node, kind } = input.chosen;
  return {
    validData: node !== undefined,
    finishType: kind ?? "give_answer",
    finalAnswer: node?.text ?? "",
    queryCount: input.queryCount,
    totalTokens: input.usage.totalTokens,
    promptTokens: input.usage.promptTokens,
    completionTokens: input.usage.completionTokens,
    functions: input.task.functions,
    trainMessages: node ? trainMessagesTo(node) : null,
    query: input.task.query,
  };
}
