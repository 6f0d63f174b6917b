import { describe, expect, it } from "vitest";
import { answerFromPath, type PathNodeInput } from "./answer";
import { decideTree, judgePassRate, passOutcome, ruleLabel, stableScore, type PassRateJudge } from "./pass-rate";
import { readAnswerStatus, readBetterAnswer, readTaskStatus, JudgeReplyError } from "./prompts";

const node = (idx: number, parentIdx: number | null, type: PathNodeInput["type"], text: string, extra: Partial<PathNodeInput> = {}): PathNodeInput => ({
  idx, parentIdx, type, text, functionName: type === "Action" ? text : extra.functionName ?? null, observation: null, ...extra,
});

/** root → thought → call → finish, as stored trees hold a solved path. */
function finishedPath(finishArgs: string): PathNodeInput[] {
  return [
    node(0, null, "ActionInput", ""),
    node(1, 0, "Thought", "Look up the forecast."),
    node(2, 1, "Action", "daily_forecast_for_weather_hub"),
    node(3, 2, "ActionInput", '{"city": "Oslo"}', { functionName: "daily_forecast_for_weather_hub", observation: '{"error": "", "response": "rain"}' }),
    node(4, 3, "Action", "Finish"),
    node(5, 4, "ActionInput", finishArgs, { functionName: "Finish" }),
  ];
}

const answerWith = (args: string) => answerFromPath(finishedPath(args), 5, "DFS_woFilter_w2");
const task = { query: "Forecast for Oslo?", availableTools: [] };

/** A judge that must not be asked anything. */
const silentJudge: PassRateJudge = {
  checkAnswer: () => Promise.reject(new Error("asked checkAnswer")),
  checkPath: () => Promise.reject(new Error("asked checkPath")),
  checkSolvable: () => Promise.reject(new Error("asked checkSolvable")),
};

function scriptedJudge(answer: string[], solvable = "Solvable") {
  const asked: string[] = [];
  const judge: PassRateJudge = {
    checkAnswer: async () => (asked.push("answer"), { status: answer.shift() as "Solved", reason: "r1" }),
    checkPath: async () => (asked.push("path"), { status: answer.shift() as "Solved", reason: "r2" }),
    checkSolvable: async () => (asked.push("solvable"), { status: solvable as "Solvable", reason: "r3" }),
  };
  return { judge, asked };
}

const never = () => false;

describe("answers from stored paths", () => {
  it("reads the Finish call at the end of the chosen path, and the steps before it", () => {
    const a = answerWith('{"return_type": "give_answer", "final_answer": "Rain in Oslo."}');
    expect(a).toMatchObject({ endsWithFinish: true, returnType: "give_answer", finalAnswer: "Rain in Oslo." });
    expect(a.steps).toEqual([
      { role: "assistant", message: "Look up the forecast." },
      { role: "tool", message: { name: "daily_forecast_for_weather_hub", arguments: '{"city": "Oslo"}', response: '{"error": "", "response": "rain"}' } },
    ]);
  });

  it("has no Finish when the path stops before it, or there is no path", () => {
    expect(answerFromPath(finishedPath("{}"), 3, "x").endsWithFinish).toBe(false);
    expect(answerFromPath(finishedPath("{}"), null, "x").endsWithFinish).toBe(false);
  });
});

describe("pass-rate rules without a judge", () => {
  it("no Finish at the end: Unsolved and failed, nothing asked", async () => {
    const j = await judgePassRate(task, answerFromPath(finishedPath("{}"), 3, "x"), silentJudge, { checkSolvable: true, coin: never });
    expect(j).toMatchObject({ label: "Unsolved", passed: false, outcome: "Failed", decidedBy: "rule", solvable: null });
  });

  it("a give-up or an empty answer is Unsolved without judging the answer", async () => {
    for (const args of ['{"return_type": "give_up_and_restart"}', '{"return_type": "give_answer", "final_answer": ""}', ""]) {
      expect(ruleLabel(answerWith(args))?.label).toBe("Unsolved");
      const j = await judgePassRate(task, answerWith(args), silentJudge, { checkSolvable: false, coin: never });
      expect(j).toMatchObject({ label: "Unsolved", passed: false, decidedBy: "rule" });
    }
  });

  it("a give-up still asks whether the query was solvable (ToolEval): Unsolvable passes", async () => {
    const { judge, asked } = scriptedJudge([], "Unsolvable");
    const j = await judgePassRate(task, answerWith('{"return_type": "give_up_and_restart"}'), judge, { checkSolvable: true, coin: never });
    expect(asked).toEqual(["solvable"]);
    expect(j).toMatchObject({ label: "Unsolved", solvable: "Unsolvable", outcome: "Passed", passed: true });
  });
});

describe("pass-rate judgement", () => {
  const good = answerWith('{"return_type": "give_answer", "final_answer": "Rain, 4°C."}');

  it("Solved passes without a solvability question", async () => {
    const { judge, asked } = scriptedJudge(["Solved"]);
    expect(await judgePassRate(task, good, judge, { checkSolvable: true, coin: never })).toMatchObject({ label: "Solved", passed: true, decidedBy: "answer" });
    expect(asked).toEqual(["answer"]);
  });

  it("Unsure looks at the path; Unsolved + Solvable fails", async () => {
    const { judge, asked } = scriptedJudge(["Unsure", "Unsolved"]);
    expect(await judgePassRate(task, good, judge, { checkSolvable: true, coin: () => true })).toMatchObject({ label: "Unsolved", solvable: "Solvable", outcome: "Failed", passed: false, decidedBy: "path" });
    expect(asked).toEqual(["answer", "path", "solvable"]);
  });

  it("Unsure after the path check is a coin flip when the task is solvable", async () => {
    const heads = await judgePassRate(task, good, scriptedJudge(["Unsure", "Unsure"]).judge, { checkSolvable: true, coin: () => true });
    const tails = await judgePassRate(task, good, scriptedJudge(["Unsure", "Unsure"]).judge, { checkSolvable: true, coin: () => false });
    expect([heads.outcome, heads.passed, tails.passed]).toEqual(["Unsure", true, false]);
  });

  it("is_passed as ToolEval decides it", () => {
    expect(passOutcome("Solved", null)).toBe("Passed");
    expect(passOutcome("Unsolved", "Solvable")).toBe("Failed");
    expect(passOutcome("Unsolved", "Unsolvable")).toBe("Passed");
    expect(passOutcome("Unsure", "Unsolvable")).toBe("Passed");
    expect(passOutcome("Unsolved", "Unsure")).toBe("Unsure");
    expect(passOutcome("Unsure", "Solvable")).toBe("Unsure");
  });
});

describe("several judgements", () => {
  const j = (label: "Solved" | "Unsolved" | "Unsure", passed: boolean) => ({ label, passed });

  it("passes when failed votes <= passed votes; the label is the most frequent", () => {
    expect(decideTree([j("Solved", true), j("Solved", true), j("Unsolved", false), j("Unsure", false)])).toEqual({ label: "Solved", passed: true, passVotes: 2, judgements: 4, score: 0.625 });
    expect(decideTree([j("Solved", true), j("Unsolved", false), j("Unsolved", false)])).toMatchObject({ label: "Unsolved", passed: false, passVotes: 1 });
    expect(decideTree([j("Solved", true), j("Unsolved", false)])).toMatchObject({ label: "Unsure", passed: true });
  });

  it("StableToolBench's score: Solved 1, Unsure 0.5, Unsolved 0, averaged", () => {
    expect(stableScore(["Solved", "Unsure", "Unsolved", "Solved"])).toBe(0.625);
    expect(stableScore([])).toBe(0);
  });
});

describe("judge replies", () => {
  it("reads JSON replies, even wrapped in prose, and refuses others", () => {
    expect(readAnswerStatus('Sure: {"reason": "ok", "answer_status": "solved"}')).toEqual({ status: "Solved", reason: "ok" });
    expect(readTaskStatus('{"reason": "no city", "task_status": "Unsolvable"}')).toEqual({ status: "Unsolvable", reason: "no city" });
    expect(readBetterAnswer('{"reason": "more complete", "index": "1"}')).toEqual({ index: 1, reason: "more complete" });
    expect(() => readAnswerStatus("I think it is solved")).toThrow(JudgeReplyError);
    expect(() => readAnswerStatus('{"answer_status": "Maybe"}')).toThrow(/not one of Solved, Unsolved, Unsure/);
  });
});

