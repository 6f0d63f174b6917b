// ToolEval's pass rate, one judgement at a time, and the decision over several judgements.
//
// One judgement (ToolEval's eval_pass_rate + its "rtl" evaluator):
//   1. the path does not end with Finish → Unsolved, failed (no LLM call);
//   2. an empty final answer or a give-up → Unsolved (no LLM call for the answer);
//   3. otherwise the judge labels the final answer against the query: Solved / Unsolved / Unsure;
//   4. Unsure → the judge looks again with the whole path (the calls and their responses);
//   5. not Solved → the judge decides whether the query is solvable with its APIs;
//   6. Solved passes; Unsolved + Solvable fails; anything + Unsolvable passes; the rest is a coin flip.
// Several judgements per tree (ToolEval runs 4): the tree passes when failed votes <= passed votes.
// StableToolBench's score: Solved 1, Unsure 0.5, Unsolved 0, averaged.
import type { EvaluatedAnswer } from "./answer";

export const ANSWER_STATUSES = ["Solved", "Unsolved", "Unsure"] as const;
export const TASK_STATUSES = ["Solvable", "Unsolvable", "Unsure"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type PassOutcome = "Passed" | "Failed" | "Unsure";

export interface EvaluationTask {
  query: string;
  /** The functions offered to the model (OpenAI function schemas, Finish included or not). */
  availableTools: unknown[];
}

export interface JudgeVerdict<S extends string> {
  status: S;
  reason: string;
}

/** The LLM's three questions; each may throw (an unreachable endpoint, an unusable reply). */
export interface PassRateJudge {
  checkAnswer(task: EvaluationTask, finalAnswer: string): Promise<JudgeVerdict<AnswerStatus>>;
  checkPath(task: EvaluationTask, answer: EvaluatedAnswer): Promise<JudgeVerdict<AnswerStatus>>;
  checkSolvable(task: EvaluationTask): Promise<JudgeVerdict<TaskStatus>>;
}

export interface PassRateOptions {
  /** ToolEval asks whether an unsolved query was solvable at all; StableToolBench (SoPR) does not. */
  checkSolvable: boolean;
  /** The coin for undecided outcomes: true = pass. */
  coin: () => boolean;
}

export interface PassJudgement {
  label: AnswerStatus;
  /** null when not asked (the answer was Solved, or no Finish, or solvability is not checked). */
  solvable: TaskStatus | null;
  outcome: PassOutcome;
  passed: boolean;
  reason: string;
  /** Which checks decided the label: "rule" (no LLM), "answer", "path". */
  decidedBy: "rule" | "answer" | "path";
}

/** Steps 1 and 2: the label when rules alone decide it, else null (the judge must look). */
export function ruleLabel(answer: EvaluatedAnswer): { label: "Unsolved"; reason: string; finished: boolean } | null {
  if (!answer.endsWithFinish) return { label: "Unsolved", reason: "No answer: the path does not end with a Finish call.", finished: false };
  if (answer.returnType === "give_up_and_restart" || answer.finalAnswer.includes("give_up_and_restart")) {
    return { label: "Unsolved", reason: "The model gave up (give_up_and_restart).", finished: true };
  }
  if (answer.finalAnswer.trim() === "") return { label: "Unsolved", reason: "The final answer is empty.", finished: true };
  return null;
}

/** Step 6 (ToolEval's is_passed). */
export function passOutcome(answer: AnswerStatus, task: TaskStatus | null): PassOutcome {
  if (answer === "Solved") return "Passed";
  if (task === "Unsolvable") return "Passed";
  if (answer === "Unsolved") return task === "Solvable" ? "Failed" : task === "Unsure" ? "Unsure" : "Failed";
  return "Unsure"; // Unsure answer, Solvable or Unsure task
}

export async function judgePassRate(task: EvaluationTask, answer: EvaluatedAnswer, judge: PassRateJudge, options: PassRateOptions): Promise<PassJudgement> {
  const rule = ruleLabel(answer);
  // no Finish at all: ToolEval stops here, a failure
  if (rule && !rule.finished) return { label: "Unsolved", solvable: null, outcome: "Failed", passed: false, reason: rule.reason, decidedBy: "rule" };

  let label: AnswerStatus;
  let reason: string;
  let decidedBy: PassJudgement["decidedBy"];
  if (rule) {
    ({ label, reason } = rule);
    decidedBy = "rule";
  } else {
    const first = await judge.checkAnswer(task, answer.finalAnswer);
    ({ status: label, reason } = first);
    decidedBy = "answer";
    if (label === "Unsure") {
      const second = await judge.checkPath(task, answer);
      ({ status: label, reason } = second);
      decidedBy = "path";
    }
  }

  let solvable: TaskStatus | null = null;
  let solvableReason = "";
  if (label !== "Solved" && options.checkSolvable) {
    const s = await judge.checkSolvable(task);
    solvable = s.status;
    solvableReason = s.reason;
  }
  // without the solvability question, every query counts as solvable (StableToolBench's solvable sets)
  const outcome = passOutcome(label, options.checkSolvable ? solvable : "Solvable");
  const passed = outcome === "Passed" || (outcome === "Unsure" && options.coin());
  const fullReason = solvable === null ? reason : `Answer: ${reason}\nSolvable (${solvable}): ${solvableReason}`;
  return { label, solvable, outcome, passed, reason: fullReason, decidedBy };
}

export interface TreeVerdict {
  /** The most frequent label; a tie between labels is Unsure. */
  label: AnswerStatus;
  passed: boolean;
  passVotes: number;
  judgements: number;
  /** StableToolBench's score: Solved 1, Unsure 0.5, Unsolved 0, averaged. */
  score: number;
}

export const LABEL_SCORES: Record<AnswerStatus, number> = { Solved: 1, Unsure: 0.5, Unsolved: 0 };

/** The decision over a tree's judgements. */
export function decideTree(judgements: readonly Pick<PassJudgement, "label" | "passed">[]): TreeVerdict {
  if (judgements.length === 0) throw new Error("a verdict needs at least one judgement");
  const passVotes = judgements.filter((j) => j.passed).length;
  const counts = new Map<AnswerStatus, number>();
  for (const j of judgements) counts.set(j.label, (counts.get(j.label) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const leaders = ANSWER_STATUSES.filter((s) => counts.get(s) === top);
  return {
    label: leaders.length === 1 ? leaders[0]! : "Unsure",
    passed: judgements.length - passVotes <= passVotes,
    passVotes,
    judgements: judgements.length,
    score: stableScore(judgements.map((j) => j.label)),
  };
}

/** StableToolBench's solvable pass rate for a list of labels (0 when empty). */
export function stableScore(labels: readonly AnswerStatus[]): number {
  if (labels.length === 0) return 0;
  return labels.reduce((sum, l) => sum + LABEL_SCORES[l], 0) / labels.length;
}
