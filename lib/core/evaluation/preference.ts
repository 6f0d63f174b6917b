// ToolEval's preference (win rate): a candidate tree against a reference tree of the same
// instruction, over several rounds. In each round, when both pass verdicts are known and differ, the
// passing side gets the point; otherwise, when both answer labels are known, a single Solved answer
// (or, when neither is solved, a single Unsure one) gets it, as ToolEval's comparison does; otherwise
// the judge picks the better answer (final answers first, then the paths). Rounds alternate which
// answer is shown first, to cancel the judge's position bias. The candidate wins when it has more
// points, loses with fewer, ties with as many.
import type { EvaluatedAnswer } from "./answer";
import type { AnswerStatus } from "./pass-rate";

export type PreferenceOutcome = "win" | "tie" | "loss";

export interface PreferenceJudge {
  /** Which of two answers is better: 0 for the first shown, 1 for the second. */
  selectBetter(query: string, answers: readonly [EvaluatedAnswer, EvaluatedAnswer]): Promise<{ index: 0 | 1; reason: string }>;
}

export interface PreferenceSide {
  answer: EvaluatedAnswer;
  /** The tree's pass verdict, when it has one. */
  passed: boolean | null;
  /** The verdict's answer label, when it has one. */
  label: AnswerStatus | null;
}

export interface PreferenceRound {
  /** Which side was shown first. */
  first: "candidate" | "reference";
  /** "pass": differing pass verdicts; "label": a single Solved (or Unsure) answer; "identical": same answers (a coin); "judge". */
  by: "pass" | "label" | "identical" | "judge";
  point: "candidate" | "reference";
  reason: string;
}

export interface PreferenceResult {
  preference: PreferenceOutcome;
  candidatePoints: number;
  referencePoints: number;
  rounds: PreferenceRound[];
}

const sameAnswers = (a: EvaluatedAnswer, b: EvaluatedAnswer) => a.finalAnswer === b.finalAnswer && JSON.stringify(a.steps) === JSON.stringify(b.steps);

/** The side ToolEval prefers from the answer labels alone: the only Solved one, else the only Unsure one. */
function preferredByLabel(candidate: AnswerStatus | null, reference: AnswerStatus | null): "candidate" | "reference" | null {
  if (candidate === null || reference === null || candidate === reference) return null;
  for (const decisive of ["Solved", "Unsure"] as const) {
    if (candidate === decisive) return "candidate";
    if (reference === decisive) return "reference";
  }
  return null;
}

export function outcomeOf(candidatePoints: number, referencePoints: number): PreferenceOutcome {
  return candidatePoints > referencePoints ? "win" : candidatePoints < referencePoints ? "loss" : "tie";
}

export async function judgePreference(
  query: string,
  candidate: PreferenceSide,
  reference: PreferenceSide,
  judge: PreferenceJudge,
  options: { rounds: number; coin: () => boolean },
): Promise<PreferenceResult> {
  const rounds: PreferenceRound[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const first = i % 2 === 0 ? "reference" : "candidate";
    if (candidate.passed !== null && reference.passed !== null && candidate.passed !== reference.passed) {
      const point = candidate.passed ? "candidate" : "reference";
      rounds.push({ first, by: "pass", point, reason: `Only the ${point} passes.` });
      continue;
    }
    const byLabel = preferredByLabel(candidate.label, reference.label);
    if (byLabel) {
      rounds.push({ first, by: "label", point: byLabel, reason: `Only the ${byLabel}'s answer is ${byLabel === "candidate" ? candidate.label : reference.label}.` });
      continue;
    }
    if (sameAnswers(candidate.answer, reference.answer)) {
      rounds.push({ first, by: "identical", point: options.coin() ? "candidate" : "reference", reason: "The two answers are the same; a coin decided." });
      continue;
    }
    const shown = first === "reference" ? ([reference.answer, candidate.answer] as const) : ([candidate.answer, reference.answer] as const);
    const { index, reason } = await judge.selectBetter(query, shown);
    const pickedFirst = index === 0;
    const point = pickedFirst === (first === "candidate") ? "candidate" : "reference";
    rounds.push({ first, by: "judge", point, reason });
  }
  const candidatePoints = rounds.filter((r) => r.point === "candidate").length;
  const referencePoints = rounds.length - candidatePoints;
  return { preference: outcomeOf(candidatePoints, referencePoints), candidatePoints, referencePoints, rounds };
}
