// ToolEval's result files (also StableToolBench's), as eval_pass_rate.py and eval_preference.py save
// them next to their CSV tables:
//  - pass rate, `<test_set>_<model>.json`: {qid: {passed, failed, query, task_solvable: "TaskStatus.X",
//    tool_names, answer_steps, final_step, is_solved: {"0": "AnswerStatus.X", ...}, reason, not_hallucinate}}
//  - preference, `<test_set>_<reference>_<candidate>.json`: {qid: {<reference>: points, <candidate>:
//    points, round_0: "complete", ...}} (the reference model's key first).
// The file name gives the test set (and so the group) and, for pass rates, the model.
import type { FileContext } from "./file-context";
import { fail, isObject, key, type JsonObject } from "./json-shape";
import type { PassRateResults, PreferenceResults } from "./types";

const TEST_SET = /^(G([1-3])_(?:instruction|category|tool))_(.+)$/i;
const ROUND = /^round_\d+$/;

const entries = (data: JsonObject) => Object.entries(data);

export function looksLikePassRateResults(data: JsonObject): boolean {
  const values = Object.values(data);
  return values.length > 0 && values.every((v) => isObject(v) && typeof v.passed === "number" && typeof v.failed === "number" && "is_solved" in v);
}

export function looksLikePreferenceResults(data: JsonObject): boolean {
  const values = Object.values(data);
  if (values.length === 0) return false;
  return values.every((v) => {
    if (!isObject(v)) return false;
    const points = Object.keys(v).filter((k) => !ROUND.test(k));
    return points.length === 2 && points.every((k) => typeof v[k] === "number") && Object.keys(v).some((k) => ROUND.test(k));
  });
}

function testSetOf(ctx: FileContext, what: string): { testSet: string; group: string; rest: string } {
  const m = TEST_SET.exec(ctx.stem);
  if (!m) fail(`cannot tell the test set of these ${what} results from the file name "${ctx.stem}.json": ToolEval names them <test set>_<model>.json, e.g. G1_instruction_gpt-3.5-turbo_CoT.json`, "$");
  return { testSet: m[1]!, group: `G${m[2]}`, rest: m[3]! };
}

const ANSWER: Record<string, "Solved" | "Unsolved" | "Unsure"> = { "AnswerStatus.Solved": "Solved", "AnswerStatus.Unsolved": "Unsolved", "AnswerStatus.Unsure": "Unsure" };
const TASK: Record<string, "Solvable" | "Unsolvable" | "Unsure"> = { "TaskStatus.Solvable": "Solvable", "TaskStatus.Unsolvable": "Unsolvable", "TaskStatus.Unsure": "Unsure" };

function answerLabel(v: unknown, path: string): "Solved" | "Unsolved" | "Unsure" {
  const label = typeof v === "string" ? ANSWER[v] : undefined;
  if (!label) fail(`expected "AnswerStatus.Solved", "AnswerStatus.Unsolved" or "AnswerStatus.Unsure", found ${JSON.stringify(v)}`, path);
  return label;
}

function count(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) fail(`expected a whole number of votes, found ${JSON.stringify(v)}`, path);
  return v;
}

export function parsePassRateResults(data: JsonObject, ctx: FileContext): PassRateResults {
  const { testSet, group, rest } = testSetOf(ctx, "pass rate");
  return {
    kind: "pass_rate_results",
    testSet,
    group,
    model: rest,
    entries: entries(data).map(([qid, raw]) => {
      const at = key("$", qid);
      const v = raw as JsonObject;
      const solved = v.is_solved;
      // older files keep one status string; newer ones one per evaluation round, keyed by round
      const labels = typeof solved === "string"
        ? [answerLabel(solved, key(at, "is_solved"))]
        : isObject(solved)
          ? Object.entries(solved).sort(([a], [b]) => Number(a) - Number(b)).map(([round, s]) => answerLabel(s, key(key(at, "is_solved"), round)))
          : fail(`expected the judge's answer statuses, found ${JSON.stringify(solved)}`, key(at, "is_solved"));
      const passVotes = count(v.passed, key(at, "passed"));
      const failVotes = count(v.failed, key(at, "failed"));
      if (passVotes + failVotes === 0) fail("the query has no votes (passed and failed are both 0)", at);
      return {
        queryId: qid,
        passVotes,
        failVotes,
        labels,
        solvable: typeof v.task_solvable === "string" ? (TASK[v.task_solvable] ?? null) : null,
        reason: typeof v.reason === "string" ? v.reason : null,
        notHallucinate: typeof v.not_hallucinate === "boolean" ? v.not_hallucinate : null,
      };
    }),
  };
}

export function parsePreferenceResults(data: JsonObject, ctx: FileContext): PreferenceResults {
  const { testSet, group, rest } = testSetOf(ctx, "preference");
  const [first] = entries(data);
  const models = Object.keys(first![1] as JsonObject).filter((k) => !ROUND.test(k));
  const [referenceModel, candidateModel] = models as [string, string];
  if (!rest.includes(referenceModel) || !rest.includes(candidateModel)) {
    fail(`the file name "${ctx.stem}.json" does not name the models its entries compare (${referenceModel}, ${candidateModel})`, "$");
  }
  return {
    kind: "preference_results",
    testSet,
    group,
    referenceModel,
    candidateModel,
    entries: entries(data).map(([qid, raw]) => {
      const at = key("$", qid);
      const v = raw as JsonObject;
      const keys = Object.keys(v).filter((k) => !ROUND.test(k));
      if (keys.length !== 2 || !(referenceModel in v) || !(candidateModel in v)) fail(`expected points for ${referenceModel} and ${candidateModel}, found ${keys.join(", ")}`, at);
      return {
        queryId: qid,
        referencePoints: count(v[referenceModel], key(at, referenceModel)),
        candidatePoints: count(v[candidateModel], key(at, candidateModel)),
        rounds: Object.keys(v).filter((k) => ROUND.test(k) && v[k] === "complete").length,
      };
    }),
  };
}
