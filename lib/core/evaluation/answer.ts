// The answer a judge sees: a tree's chosen path as ToolEval's converted answers give it (the steps,
// and the Finish call's final answer), built from stored nodes. Pure: takes the nodes as arguments.
import { parseFinishArguments } from "../toolbench/finish";
import { pathToNode } from "../toolbench/tree-paths";

export interface PathNodeInput {
  idx: number;
  parentIdx: number | null;
  type: "Thought" | "Action" | "ActionInput";
  text: string;
  functionName: string | null;
  observation: string | null;
}

export interface AnswerStep {
  /** "assistant": a thought; "tool": a call with its arguments and the API's response. */
  role: "assistant" | "tool";
  message: string | { name: string; arguments: string; response: string };
}

export interface EvaluatedAnswer {
  method: string;
  /** Whether the path ends with a Finish call (ToolEval: no Finish at the end → Unsolved). */
  endsWithFinish: boolean;
  /** "give_answer" | "give_up_and_restart" as the Finish call says it. */
  returnType: string | null;
  finalAnswer: string;
  steps: AnswerStep[];
}

/** Limits what one step may put in a judge's prompt (API responses can be megabytes). */
const STEP_TEXT_LIMIT = 1500;
const cut = (s: string, n = STEP_TEXT_LIMIT) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The answer along the path from the root to `leafIdx` (null: the tree has no answer path). */
export function answerFromPath(nodes: readonly PathNodeInput[], leafIdx: number | null, method: string): EvaluatedAnswer {
  const path = leafIdx === null ? [] : pathToNode(nodes, leafIdx);
  const steps: AnswerStep[] = [];
  let finishArgs: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const n = path[i]!;
    if (n.type === "Thought" && n.text.trim()) steps.push({ role: "assistant", message: cut(n.text) });
    if (n.type === "Action") {
      const input = path[i + 1]?.type === "ActionInput" ? path[i + 1]! : undefined;
      const name = n.functionName ?? n.text;
      if (name === "Finish") {
        finishArgs = input?.text ?? "";
        // only the last Finish on the path counts: anything after it means the path went on
        if (i + 1 < path.length - 1) finishArgs = null;
      } else {
        steps.push({ role: "tool", message: { name, arguments: cut(input?.text ?? ""), response: cut(input?.observation ?? "") } });
      }
    }
  }
  const finish = finishArgs === null ? null : parseFinishArguments(finishArgs);
  return {
    method,
    endsWithFinish: finish !== null,
    returnType: finish?.returnType ?? null,
    finalAnswer: finish?.finalAnswer ?? "",
    steps,
  };
}

/** The answer as the judge's prompt shows it (ToolEval's converted shape, in plain JSON). */
export function answerForPrompt(a: EvaluatedAnswer): string {
  return JSON.stringify({ method: a.method, total_steps: a.steps.length, final_answer: a.finalAnswer, answer_details: a.steps });
}
