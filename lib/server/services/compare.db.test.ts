// Comparing two trees of one instruction: G1 query 59's real DFSDT tree and a ReACT answer to the
// same query derived from it at test time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir } from "@/lib/test/datasets";
import { DERIVED_COT_59_ANSWER, writeDerivedCot59 } from "@/lib/test/derived-answers";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { compareTrees } from "./compare";
import { expandInputs, importFiles } from "./import-files";

let db: TestDatabase;
let tmp: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-compare-"));
  writeDerivedCot59(tmp);
  const inputs = [path.join(datasetsDir(), "toolbench/answer/G1_answer"), path.join(tmp, "derived_cot")];
  const summary = await importFiles(expandInputs(inputs).files);
  expect(summary.errors).toEqual([]);
  for (const r of (await pool().query<{ id: number; sourceFile: string }>(`select id, "sourceFile" from "Tree"`)).rows) ids[path.basename(r.sourceFile, ".json")] = r.id;
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("compareTrees", () => {
  it("aligns the two training paths call by call", async () => {
    const dfs = ids["59_ChatGPT_DFS_woFilter_w2"]!;
    const cot = ids["59_CoT@2"]!;
    const c = await compareTrees(dfs, cot);
    expect(c.instruction).toMatchObject({ group: "G1", externalId: "59" });
    expect(c.trees.map((t) => t.id).sort()).toEqual([dfs, cot].sort());
    expect(c.rows.map((r) => [r.kind, "a" in r ? r.a.functionName : null, "b" in r ? r.b.functionName : null])).toEqual([
      ["same", "images_for_seo_api", "images_for_seo_api"],
      ["same", "search_for_seo_api", "search_for_seo_api"],
      ["only_a", "search_b_for_seo_api", null],
      ["same", "search_b_for_seo_api", "search_b_for_seo_api"],
      ["different", "Finish", "Finish"],
    ]);
    expect(c.summary).toEqual({ same: 3, different: 1, onlyA: 1, onlyB: 0 });
    expect(c.rows[2]!.kind === "only_a" && c.rows[2]!.a.arguments).toContain("hashtags llamativos para proyecto");
    expect(c.a).toMatchObject({ id: dfs, method: "dfsdt", finishType: "give_answer", pathKind: "training", evaluations: [] });
    expect(c.b).toMatchObject({ id: cot, method: "react", methodLabel: "CoT@2", finishType: "give_answer", queryCount: 4, totalTokens: 5120, pathKind: "training" });
    expect(c.a.finalAnswer).toMatch(/^I'm sorry, but I couldn't find any images/);
    expect(c.b!.finalAnswer).toBe(DERIVED_COT_59_ANSWER);
    expect(c.a.calls.map((x) => x.step)).toEqual([1, 2, 3, 4, 5]);
    expect(c.a.calls.every((x) => x.checks === 0)).toBe(true);
  });

  it("reads judge labels when the trees have them", async () => {
    const dfs = ids["59_ChatGPT_DFS_woFilter_w2"]!;
    const cot = ids["59_CoT@2"]!;
    await pool().query(
      `insert into "Evaluation" (kind, "treeId", label, solvable, passed, reason, model, source) values ('pass_rate', $1, 'Solved', 'Solvable', true, 'The answer lists the news.', 'judge-model', 'judge')`,
      [cot],
    );
    await pool().query(`insert into "Evaluation" (kind, "treeId", "referenceTreeId", preference, source) values ('preference', $1, $2, 'win', 'judge')`, [dfs, cot]);
    const c = await compareTrees(dfs, cot);
    expect(c.b!.evaluations).toEqual([expect.objectContaining({ kind: "pass_rate", label: "Solved", passed: true, solvable: "Solvable", model: "judge-model" })]);
    expect(c.a.evaluations).toEqual([expect.objectContaining({ kind: "preference", preference: "win", referenceTreeId: cot })]);
  });

  it("shows one tree and its choices until a second is picked", async () => {
    const c = await compareTrees(ids["59_CoT@2"]!, null);
    expect(c.b).toBeNull();
    expect(c.rows).toEqual([]);
    expect(c.trees).toHaveLength(2);
  });

  it("refuses trees of different instructions, the same tree twice, and unknown trees", async () => {
    await expect(compareTrees(ids["59_CoT@2"]!, ids["10_ChatGPT_DFS_woFilter_w2"]!)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(compareTrees(ids["59_CoT@2"]!, ids["59_CoT@2"]!)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(compareTrees(999_999, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(compareTrees(ids["59_CoT@2"]!, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("compares a tree without a training path along the branch it explored last", async () => {
    const c = await compareTrees(ids["69_ChatGPT_DFS_woFilter_w2"]!, null);
    expect(c.a.chosenNodeIdx).toBeNull();
    expect(c.a.pathKind).toBe("last_explored");
    expect(c.a.calls.length).toBeGreaterThan(0);
  });
});
