import { describe, expect, it } from "vitest";
import type { EvaluatedAnswer } from "./answer";
import { judgePreference, type PreferenceJudge } from "./preference";
import { tallyPassRates, tallyPreferences } from "./report";

const answer = (finalAnswer: string): EvaluatedAnswer => ({ method: "x", endsWithFinish: true, returnType: "give_answer", finalAnswer, steps: [] });
const candidate = answer("Candidate: rain, 4°C, no alerts.");
const reference = answer("Reference: rain.");

/** A judge that always prefers the candidate's text, wherever it is shown. */
const prefersCandidate: PreferenceJudge = { selectBetter: async (_q, [a]) => ({ index: a.finalAnswer.startsWith("Candidate") ? 0 : 1, reason: "more complete" }) };
/** A judge that always picks whatever is shown first (pure position bias). */
const firstShown: PreferenceJudge = { selectBetter: async () => ({ index: 0, reason: "first" }) };

describe("preference", () => {
  it("differing pass verdicts decide without the judge", async () => {
    const r = await judgePreference("q", { answer: candidate, passed: false, label: "Unsolved" }, { answer: reference, passed: true, label: "Solved" }, firstShown, { rounds: 2, coin: () => true });
    expect(r).toMatchObject({ preference: "loss", candidatePoints: 0, referencePoints: 2 });
    expect(r.rounds.map((x) => x.by)).toEqual(["pass", "pass"]);
  });

  it("the judge sees both orders; a consistent preference wins both rounds", async () => {
    const r = await judgePreference("q", { answer: candidate, passed: true, label: "Solved" }, { answer: reference, passed: true, label: "Solved" }, prefersCandidate, { rounds: 2, coin: () => true });
    expect(r).toMatchObject({ preference: "win", candidatePoints: 2 });
    expect(r.rounds.map((x) => x.first)).toEqual(["reference", "candidate"]);
  });

  it("position bias alone cancels out into a tie", async () => {
    const r = await judgePreference("q", { answer: candidate, passed: null, label: null }, { answer: reference, passed: null, label: null }, firstShown, { rounds: 2, coin: () => true });
    expect(r).toMatchObject({ preference: "tie", candidatePoints: 1, referencePoints: 1 });
  });

  it("with equal pass verdicts, a single Solved answer (else a single Unsure one) takes the round without the judge", async () => {
    const solvedWins = await judgePreference("q", { answer: candidate, passed: true, label: "Solved" }, { answer: reference, passed: true, label: "Unsure" }, firstShown, { rounds: 2, coin: () => true });
    expect(solvedWins).toMatchObject({ preference: "win", candidatePoints: 2 });
    expect(solvedWins.rounds.map((r) => r.by)).toEqual(["label", "label"]);
    const unsureWins = await judgePreference("q", { answer: candidate, passed: false, label: "Unsolved" }, { answer: reference, passed: false, label: "Unsure" }, firstShown, { rounds: 2, coin: () => true });
    expect(unsureWins).toMatchObject({ preference: "loss", referencePoints: 2 });
  });

  it("tallies win / tie / loss by group with an overall row", () => {
    const t = tallyPreferences([
      { group: "G1", preference: "win" },
      { group: "G1", preference: "tie" },
      { group: "G2", preference: "loss" },
      { group: "G1", preference: "win" },
    ]);
    expect(t.map((g) => [g.group, g.win, g.tie, g.loss])).toEqual([["G1", 2, 1, 0], ["G2", 0, 0, 1], ["all", 2, 1, 1]]);
    expect(t[0]!.winRate).toBeCloseTo(2 / 3);
    const p = tallyPassRates([{ group: "G1", passed: true, score: 1, label: "Solved" }, { group: "G1", passed: false, score: 0, label: "Unsolved" }]);
    expect(p[1]).toMatchObject({ group: "all", trees: 2, passed: 1, passRate: 0.5, meanScore: 0.5, solved: 1, unsolved: 1 });
  });
});
