// What the judge is asked, in plain chat messages with a JSON reply, and how its replies are read.
// The questions follow ToolEval's evaluator (check_answer_status, parse_answer_status,
// check_task_solvable, select_better_answer), in Arbor's words.
import { answerForPrompt, type EvaluatedAnswer } from "./answer";
import { ANSWER_STATUSES, TASK_STATUSES, type AnswerStatus, type EvaluationTask, type JudgeVerdict, type TaskStatus } from "./pass-rate";

export interface JudgeMessage {
  role: "system" | "user";
  content: string;
}

export type JudgeQuestion = "answer_status" | "path_status" | "task_solvable" | "better_answer";

const SYSTEM =
  "You evaluate how well an assistant that calls tools (APIs) handled a user's query. Follow the rules you are given exactly, " +
  "and reply with one JSON object only, no other text.";

/** Keeps a prompt within what any judge accepts (tool lists and paths can be long). */
const PROMPT_LIMIT = 24_000;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const ask = (body: string): JudgeMessage[] => [
  { role: "system", content: SYSTEM },
  { role: "user", content: cut(body, PROMPT_LIMIT) },
];

export function answerStatusPrompt(task: EvaluationTask, finalAnswer: string): JudgeMessage[] {
  return ask(
    [
      "Decide the status of the final answer below for the query.",
      '- If it apologizes, refuses, or does not answer the query positively and directly, the status is "Unsolved".',
      "- If it answers positively and directly, look closer:",
      '  - when the answer alone is not enough to tell whether the query is solved, the status is "Unsure";',
      '  - when you are confident it is enough to tell, the status is "Solved" or "Unsolved".',
      "",
      `Query:\n${task.query}`,
      "",
      `Final answer:\n${cut(finalAnswer, 8000)}`,
      "",
      'Reply as {"reason": "<why, briefly>", "answer_status": "Solved" | "Unsolved" | "Unsure"}.',
    ].join("\n"),
  );
}

export function pathStatusPrompt(task: EvaluationTask, answer: EvaluatedAnswer): JudgeMessage[] {
  return ask(
    [
      "Decide the status of the answer below for the query, using how it was reached: its steps are thoughts (role \"assistant\") and tool calls with the API's response (role \"tool\").",
      '- If every tool call failed (its response shows an error), the status is "Unsolved".',
      '- If the final answer states things the tool responses do not support or contradict, the status is "Unsolved".',
      '- If you cannot check whether the information is true and valid, the status is "Unsure".',
      '- If successful tool calls indeed solve the query, the status is "Solved".',
      "",
      `Query:\n${task.query}`,
      "",
      `Answer:\n${cut(answerForPrompt(answer), 16_000)}`,
      "",
      'Reply as {"reason": "<why, briefly>", "answer_status": "Solved" | "Unsolved" | "Unsure"}.',
    ].join("\n"),
  );
}

export function taskSolvablePrompt(task: EvaluationTask): JudgeMessage[] {
  return ask(
    [
      "Decide whether the task below can be solved with the tools it lists.",
      '- If the query gives invalid information (an impossible email address or phone number, say), it is "Unsolvable".',
      '- If the query lacks information needed to solve it (the restaurant to navigate to, say), it is "Unsolvable".',
      '- If you cannot come to a conclusion, it is "Unsure".',
      '- If the available tools are enough to solve the query, it is "Solvable".',
      "",
      `Task:\n${cut(JSON.stringify({ query: task.query, available_tools: task.availableTools }), 18_000)}`,
      "",
      'Reply as {"reason": "<why, briefly>", "task_status": "Solvable" | "Unsolvable" | "Unsure"}.',
    ].join("\n"),
  );
}

export function betterAnswerPrompt(query: string, answers: readonly [EvaluatedAnswer, EvaluatedAnswer]): JudgeMessage[] {
  return ask(
    [
      `Query:\n${query}`,
      "",
      `Answer 0:\n${cut(answerForPrompt(answers[0]), 10_000)}`,
      "",
      `Answer 1:\n${cut(answerForPrompt(answers[1]), 10_000)}`,
      "",
      "Choose the better of the two answers to the query (0 for Answer 0, 1 for Answer 1):",
      '1. First compare their "final_answer":',
      "   - informative: does it hold everything needed to reply to the query?",
      "   - factual: does it describe accurately what was done and what failed in the end?",
      "   - reasoned: when the query is not solved, does it explain the failure in detail and accurately?",
      '2. If that does not decide it, compare their "answer_details":',
      "   - tool calling cost: the share of failed and repeated tool calls;",
      "   - running cost: how many steps were taken;",
      "   - milestones: how many of the query's subtasks were reached;",
      "   - exploration: how many successful calls with different tools or arguments were made.",
      "If you still cannot decide, pick either.",
      "",
      'Reply as {"reason": "<why, briefly>", "index": 0 | 1}.',
    ].join("\n"),
  );
}

/** The judge's reply could not be read; asking again may help. */
export class JudgeReplyError extends Error {
  override name = "JudgeReplyError";
}

/** The first JSON object in a reply (judges sometimes wrap it in prose or a code fence). */
function jsonObjectOf(text: string): Record<string, unknown> {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start >= 0 && end > start) {
    try {
      const v: unknown = JSON.parse(text.slice(start, end + 1));
      if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // reported below
    }
  }
  throw new JudgeReplyError(`the judge did not reply with a JSON object: ${cut(text.trim(), 200) || "(empty reply)"}`);
}

const reasonOf = (o: Record<string, unknown>) => (typeof o.reason === "string" ? o.reason : typeof o.content === "string" ? o.content : "");

function statusOf<S extends string>(o: Record<string, unknown>, key: string, allowed: readonly S[]): S {
  const v = o[key];
  const found = typeof v === "string" ? allowed.find((s) => s.toLowerCase() === v.trim().toLowerCase()) : undefined;
  if (!found) throw new JudgeReplyError(`the judge's "${key}" is ${JSON.stringify(v)}, not one of ${allowed.join(", ")}`);
  return found;
}

export const readAnswerStatus = (text: string): JudgeVerdict<AnswerStatus> => {
  const o = jsonObjectOf(text);
  return { status: statusOf(o, "answer_status", ANSWER_STATUSES), reason: reasonOf(o) };
};

export const readTaskStatus = (text: string): JudgeVerdict<TaskStatus> => {
  const o = jsonObjectOf(text);
  return { status: statusOf(o, "task_status", TASK_STATUSES), reason: reasonOf(o) };
};

export const readBetterAnswer = (text: string): { index: 0 | 1; reason: string } => {
  const o = jsonObjectOf(text);
  const index = Number(o.index);
  if (index !== 0 && index !== 1) throw new JudgeReplyError(`the judge's "index" is ${JSON.stringify(o.index)}, not 0 or 1`);
  return { index, reason: reasonOf(o) };
};
