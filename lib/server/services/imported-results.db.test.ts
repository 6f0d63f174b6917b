// ToolEval / StableToolBench result files imported after the answers they judged: pass-rate votes
// become labels and verdicts on the matching trees (group, query id and model), preference points
// become win / tie / loss between two models' trees; importing a file again replaces, never adds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "@/lib/test/datasets";
import { sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { NotFoundError } from "@/lib/core/errors";
import { getImportedResultsReport, listImportedResults } from "./evaluation-runs";
import { expandInputs, importFiles } from "./import-files";

const CONVERTED = "toolbench/tooleval_converted/gpt-3.5-turbo_CoT/G1_instruction.json";
const REF = "gpt-3.5-turbo_CoT";
const CAND = "toolllama_DFS";
let db: TestDatabase;
let dir: string;
let qids: string[];

const write = (rel: string, data: unknown) => {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data, null, 4));
  return file;
};
const importPaths = (...paths: string[]) => importFiles(expandInputs(paths.map((p) => path.join(dir, p))).files);

const treeOf = async (qid: string, model: string) =>
  (await sql<{ id: number }>(`select t.id from "Tree" t join "Instruction" i on i.id = t."instructionId" where i."externalId" = $1 and i."group" = 'G1' and t.model = $2`, [qid, model]))[0]!.id;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-results-"));
  const converted = readDataset(CONVERTED);
  qids = Object.keys(JSON.parse(converted) as object).slice(0, 3);
  write(`converted/${REF}/G1_instruction.json`, converted);
  // a second model's answers to the same queries (other bytes: other trees)
  write(`converted/${CAND}/G1_instruction.json`, `${converted}\n`);
  const s = await importPaths("converted");
  expect(s.errors).toEqual([]);
  expect(s.trees).toBe(200);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe("ToolEval result files", () => {
  it("attach pass-rate labels and verdicts to the trees they judged, and say what matched nothing", async () => {
    const [a, b, c] = qids as [string, string, string];
    write(`pass_rate_results/${REF}/G1_instruction_${REF}.json`, {
      [a]: { passed: 3, failed: 1, query: "", task_solvable: "TaskStatus.Solvable", is_solved: { "0": "AnswerStatus.Solved", "1": "AnswerStatus.Solved", "2": "AnswerStatus.Unsure", "3": "AnswerStatus.Unsolved" }, reason: "Is solved: yes", not_hallucinate: true },
      [b]: { passed: 1, failed: 1, query: "", task_solvable: "TaskStatus.Solvable", is_solved: { "0": "AnswerStatus.Solved", "1": "AnswerStatus.Unsolved" }, reason: "split", not_hallucinate: true },
      [c]: { passed: 0, failed: 2, query: "", task_solvable: "TaskStatus.Unsolvable", is_solved: { "0": "AnswerStatus.Unsolved", "1": "AnswerStatus.Unsolved" }, reason: "no", not_hallucinate: false },
      "999999999": { passed: 2, failed: 0, query: "", task_solvable: "TaskStatus.Solvable", is_solved: { "0": "AnswerStatus.Solved", "1": "AnswerStatus.Solved" }, reason: "", not_hallucinate: true },
    });
    const s = await importPaths("pass_rate_results");
    expect(s.errors).toEqual([]);
    expect(s.kinds).toEqual({ pass_rate_results: 1 });
    expect(s.labelledTrees).toBe(3);
    expect(s.skipped).toEqual([{ file: expect.stringContaining(`G1_instruction_${REF}.json`), reason: expect.stringMatching(/^1 of its results match no imported tree/) }]);

    const verdicts = await sql<{ treeId: number; label: string; passed: boolean; passVotes: number; judgements: number; score: number }>(
      `select "treeId", label::text, passed, "passVotes", judgements, score from "TreePassVerdict" order by "treeId"`,
    );
    expect(verdicts).toEqual(
      [
        { treeId: await treeOf(a, REF), label: "Solved", passed: true, passVotes: 3, judgements: 4, score: (1 + 1 + 0.5 + 0) / 4 },
        // a tie of votes passes (failed <= passed); a tie of labels is Unsure
        { treeId: await treeOf(b, REF), label: "Unsure", passed: true, passVotes: 1, judgements: 2, score: 0.5 },
        { treeId: await treeOf(c, REF), label: "Unsolved", passed: false, passVotes: 0, judgements: 2, score: 0 },
      ].sort((x, y) => x.treeId - y.treeId),
    );
    const evals = await sql<{ treeId: number; label: string; solvable: string; source: string; details: { file: string; labels: string[] } }>(
      `select "treeId", label::text, solvable, source, details from "Evaluation" where kind = 'pass_rate' order by "treeId"`,
    );
    expect(evals).toHaveLength(3);
    expect(evals.every((e) => e.source === "imported" && e.details.file.endsWith(`G1_instruction_${REF}.json`))).toBe(true);
    const treeC = await treeOf(c, REF);
    expect(evals.find((e) => e.treeId === treeC)).toMatchObject({ label: "Unsolved", solvable: "Unsolvable", details: { labels: ["Unsolved", "Unsolved"] } });
    // the other model's trees of the same queries are untouched
    expect(await sql(`select 1 from "TreePassVerdict" where "treeId" = $1`, [await treeOf(a, CAND)])).toEqual([]);

    // importing the file again replaces what it attached
    const again = await importPaths("pass_rate_results");
    expect(again.labelledTrees).toBe(3);
    expect((await sql<{ n: number }>(`select count(*)::int as n from "Evaluation" where kind = 'pass_rate'`))[0]!.n).toBe(3);
    expect((await sql<{ n: number }>(`select count(*)::int as n from "TreePassVerdict"`))[0]!.n).toBe(3);
  });

  it("attach preferences between two models' trees as win, tie or loss for the candidate", async () => {
    const [a, b, c] = qids as [string, string, string];
    write(`preference_results/G1_instruction_${REF}_${CAND}.json`, {
      [a]: { [REF]: 0, [CAND]: 2, round_0: "complete", round_1: "complete" },
      [b]: { [REF]: 1, [CAND]: 1, round_0: "complete", round_1: "complete" },
      [c]: { [REF]: 2, [CAND]: 0, round_0: "complete", round_1: "complete" },
    });
    const s = await importPaths("preference_results");
    expect(s.errors).toEqual([]);
    expect(s.kinds).toEqual({ preference_results: 1 });
    expect(s.labelledTrees).toBe(3);
    const rows = await sql<{ treeId: number; referenceTreeId: number; preference: string }>(
      `select "treeId", "referenceTreeId", preference::text from "Evaluation" where kind = 'preference' order by "treeId"`,
    );
    expect(rows).toEqual(
      [
        { treeId: await treeOf(a, CAND), referenceTreeId: await treeOf(a, REF), preference: "win" },
        { treeId: await treeOf(b, CAND), referenceTreeId: await treeOf(b, REF), preference: "tie" },
        { treeId: await treeOf(c, CAND), referenceTreeId: await treeOf(c, REF), preference: "loss" },
      ].sort((x, y) => x.treeId - y.treeId),
    );
    await importPaths("preference_results");
    expect((await sql<{ n: number }>(`select count(*)::int as n from "Evaluation" where kind = 'preference'`))[0]!.n).toBe(3);
  });

  it("reject a malformed result file by name and place, writing nothing of it", async () => {
    const [a] = qids as [string];
    write(`bad/G1_instruction_${REF}.json`, { [a]: { passed: 1, failed: 0, is_solved: { "0": "Solved" } } });
    const before = await sql(`select "treeId", label::text from "TreePassVerdict" order by "treeId"`);
    const s = await importPaths("bad");
    expect(s.errors).toEqual([{ file: expect.stringContaining(`G1_instruction_${REF}.json`), message: expect.stringMatching(/AnswerStatus\.Solved.*\(at \$\[".+"\]\.is_solved\["0"\]\)/) }]);
    expect(await sql(`select "treeId", label::text from "TreePassVerdict" order by "treeId"`)).toEqual(before);
  });

  it("are reported by test set, as ToolEval's tables give them, under the name the import gave them", async () => {
    const sets = await listImportedResults();
    expect(sets.map(({ kind, model, labels, files }) => ({ kind, model, labels, files }))).toEqual([
      { kind: "preference", model: `ToolEval results (${CAND} against ${REF})`, labels: 3, files: 1 },
      { kind: "pass_rate", model: `ToolEval results (${REF})`, labels: 3, files: 1 },
    ]);

    const pass = await getImportedResultsReport({ kind: "pass_rate", model: `ToolEval results (${REF})` });
    // votes 3–1 (Solved, Solved, Unsure, Unsolved), 1–1 (Solved, Unsolved), 0–2 (Unsolved, Unsolved)
    const g1 = { trees: 3, passed: 2, passRate: 2 / 3, meanScore: (2.5 / 4 + 0.5 + 0) / 3, solved: 1, unsure: 1, unsolved: 1 };
    expect(pass).toEqual({ kind: "pass_rate", model: `ToolEval results (${REF})`, groups: [{ group: "G1_instruction", ...g1 }, { group: "all", ...g1 }] });

    const pref = await getImportedResultsReport({ kind: "preference", model: `ToolEval results (${CAND} against ${REF})` });
    const third = 1 / 3;
    const tally = { win: 1, tie: 1, loss: 1, total: 3, winRate: third, tieRate: third, lossRate: third };
    expect(pref).toEqual({ kind: "preference", model: `ToolEval results (${CAND} against ${REF})`, groups: [{ group: "G1_instruction", ...tally }, { group: "all", ...tally }] });

    await expect(getImportedResultsReport({ kind: "pass_rate", model: `ToolEval results (${CAND} against ${REF})` })).rejects.toThrow(NotFoundError);
  });
});
