// A scripted ToolEval judge for the fake OpenAI server: it tells the question from the prompt and
// answers with JSON as the real judge is asked to. Shared by database and browser tests.
import type { FakeReply, FakeRequest } from "./fake-openai-server";

export type JudgeQuestionKind = "answer" | "path" | "solvable" | "better";

export function judgeQuestionOf(r: FakeRequest): JudgeQuestionKind | null {
  const prompt = r.messages.find((m) => m.role === "user")?.content ?? "";
  if (prompt.startsWith("Decide the status of the final answer")) return "answer";
  if (prompt.startsWith("Decide the status of the answer below")) return "path";
  if (prompt.startsWith("Decide whether the task")) return "solvable";
  if (prompt.includes("Choose the better of the two answers")) return "better";
  return null;
}

/** The final answer the judge was shown (answer questions), or "" for other questions. */
export const judgedAnswerOf = (r: FakeRequest) => /\nFinal answer:\n([\s\S]*?)\n\nReply as/.exec(r.messages.find((m) => m.role === "user")?.content ?? "")?.[1] ?? "";

/** For "better" questions: which of the two shown answers (0 or 1) contains `text`, or null. */
export function shownIndexOf(r: FakeRequest, text: string): 0 | 1 | null {
  const prompt = r.messages.find((m) => m.role === "user")?.content ?? "";
  const at0 = prompt.indexOf("Answer 0:\n");
  const at1 = prompt.indexOf("Answer 1:\n");
  const found = prompt.indexOf(text, at0);
  if (found < 0) return null;
  return found > at1 ? 1 : 0;
}

export interface JudgeScript {
  answer?: (r: FakeRequest) => "Solved" | "Unsolved" | "Unsure";
  path?: (r: FakeRequest) => "Solved" | "Unsolved" | "Unsure";
  solvable?: (r: FakeRequest) => "Solvable" | "Unsolvable" | "Unsure";
  better?: (r: FakeRequest) => 0 | 1;
}

export function scriptedJudge(script: JudgeScript) {
  return (r: FakeRequest): FakeReply => {
    const kind = judgeQuestionOf(r);
    const reply = (o: object): FakeReply => ({ content: JSON.stringify(o), usage: { prompt: 300, completion: 30 } });
    switch (kind) {
      case "answer":
        return reply({ reason: "The answer was read against the query.", answer_status: script.answer?.(r) ?? "Solved" });
      case "path":
        return reply({ reason: "The calls were read against the answer.", answer_status: script.path?.(r) ?? "Unsure" });
      case "solvable":
        return reply({ reason: "The tools cover the query.", task_status: script.solvable?.(r) ?? "Solvable" });
      case "better":
        return reply({ reason: "It is more informative.", index: script.better?.(r) ?? 0 });
      default:
        return { status: 400, body: { error: { message: "not a judge question", type: "invalid_request_error", param: null, code: null } } };
    }
  };
}
