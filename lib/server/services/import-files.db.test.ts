// Importing the real datasets into a real Postgres: exact counts, idempotence, per-file atomicity.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardizeCategory } from "@/lib/core/toolbench/names";
import { pool } from "@/lib/server/db/pool";
import { datasetFiles, datasetsDir, readDataset } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles, type ImportSummary } from "./import-files";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw dataset JSON is explored freely here */

let db: TestDatabase;
let first: ImportSummary;

const sql = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => (await pool().query(text, params)).rows as T[];

/** What the datasets hold, counted straight from the files (independently of the parsers). */
function expectedCounts() {
  const files = datasetFiles();
  const groupOf = (rel: string) => {
    const m = /(?:^|\/)G([123])(?:_|\.json)/.exec(rel);
    return m ? `G${m[1]}` : "unknown";
  };
  const instructions = new Set<string>();
  const categories = new Set<string>();
  let trees = 0;
  let nodes = 0;
  const count = (n: any): number => 1 + (n.children ?? []).reduce((s: number, c: any) => s + count(c), 0);
  for (const rel of files) {
    const text = readDataset(rel);
    if (text.trim() === "") continue;
    const raw = JSON.parse(text);
    if (Array.isArray(raw)) {
      for (const q of raw) {
        instructions.add(`${groupOf(rel)}|${q.query.trim()}`);
        for (const a of q.api_list ?? []) categories.add(standardizeCategory(a.category_name));
      }
    } else if (raw.tree) {
      trees++;
      nodes += count(raw.tree.tree);
      expect(count(raw.tree.tree)).toBe(raw.tree.size);
      instructions.add(`${groupOf(rel)}|${raw.answer_generation.query.trim()}`);
    } else if (raw.trys) {
      trees++;
      nodes += 1 + raw.trys.reduce((s: number, t: any) => s + t.chain.length, 0);
      instructions.add(`${groupOf(rel)}|${raw.answer_generation.query.trim()}`);
    } else if (rel.includes("tooleval_converted")) {
      for (const entry of Object.values<any>(raw)) {
        trees++;
        let steps = 0;
        const walk = (d: any) => {
          if (d.role === "tool") steps += 2;
          if (d.role === "assistant") steps += 1;
          (d.next ?? []).forEach(walk);
        };
        entry.answer.answer_details.forEach(walk);
        nodes += 1 + steps;
        instructions.add(`${groupOf(rel)}|${entry.query.trim()}`);
      }
    } else if (rel.includes("response_examples")) {
      categories.add(rel.split("/").slice(-2)[0]!);
    }
  }
  return { files: files.length, instructions: instructions.size, categories: categories.size, trees, nodes };
}

beforeAll(async () => {
  db = await createTestDatabase();
  first = await importFiles(expandInputs([datasetsDir()]).files);
}, 120_000);
afterAll(async () => {
  await db.drop();
});

describe("importing every real dataset file", () => {
  it("imports every file with the counts the files hold", async () => {
    const expected = expectedCounts();
    expect(first.errors).toEqual([]);
    expect(first.files).toBe(expected.files);
    expect(first.skipped).toEqual([{ file: "datasets/toolbench/toolenv/response_examples/Business/acrosuite_oauther.json", reason: "empty file" }]);
    expect(first.trees).toBe(expected.trees);
    expect(first.nodes).toBe(expected.nodes);
    expect(first.instructions).toBe(expected.instructions);
    expect(first.categories).toBe(expected.categories);
    const [counts] = await sql(`select (select count(*) from "Node") as nodes, (select count(*) from "Tree") as trees,
      (select count(*) from "Instruction") as instructions, (select count(*) from "Category") as categories`);
    expect(counts).toEqual({ nodes: expected.nodes, trees: expected.trees, instructions: expected.instructions, categories: expected.categories });
  });

  it("stores each DFSDT tree with ToolBench's chosen path", async () => {
    for (const rel of datasetFiles("toolbench/answer")) {
      const raw = JSON.parse(readDataset(rel));
      const [tree] = await sql(`select t.*, i.query, i."externalId", i."group" as igroup from "Tree" t join "Instruction" i on i.id = t."instructionId" where t."sourceFile" = $1`, [`datasets/${rel}`]);
      expect(tree, rel).toBeDefined();
      expect(tree.size).toBe(raw.tree.size);
      expect(tree.query).toBe(raw.answer_generation.query);
      expect(tree.externalId).toBe(rel.split("/").pop()!.split("_")[0]);
      expect(tree.igroup).toBe(rel.includes("G1_answer") ? "G1" : "G2");
      expect(tree.validData).toBe(raw.answer_generation.valid_data);
      const [{ n }] = await sql(`select count(*) as n from "Node" where "treeId" = $1`, [tree.id]);
      expect(n).toBe(raw.tree.size);
      expect(tree.toolbenchNodeIdx).toBe(tree.chosenNodeIdx);
      if (!raw.answer_generation.valid_data) {
        expect(tree.chosenNodeIdx).toBeNull();
        continue;
      }
      // walk the stored path and compare its calls with the conversation ToolBench exported
      const path = await sql(
        `with recursive p as (select * from "Node" where "treeId" = $1 and idx = $2
           union all select n.* from "Node" n join p on n."treeId" = p."treeId" and n.idx = p."parentIdx")
         select * from p order by depth`,
        [tree.id, tree.chosenNodeIdx],
      );
      const calls = path.filter((x: any) => x.type === "ActionInput" && x.depth > 0).map((x: any) => [x.functionName, x.text]);
      const exported = raw.answer_generation.train_messages.at(-1);
      const expectedCalls = exported.filter((m: any) => m.function_call).map((m: any) => [m.function_call.name, m.function_call.arguments]);
      expect(calls, rel).toEqual(expectedCalls);
    }
  });

  it("links instructions to their catalog APIs and keeps the filter columns in step", async () => {
    const [squake] = await sql(
      `select i.id, i."toolIds", i."categoryIds", array_agg(a.name order by ia.position) as apis, bool_and(ia.relevant) as all_relevant
       from "Instruction" i join "InstructionApi" ia on ia."instructionId" = i.id join "Api" a on a.id = ia."apiId"
       where i."externalId" = '1' and i."group" = 'G1' group by i.id`,
    );
    expect(squake.apis).toEqual(["Checkhealth", "Projects"]);
    expect(squake.all_relevant).toBe(true);
    const [tool] = await sql(`select t.id, t."categoryId" from "Tool" t where t.name = 'SQUAKE'`);
    expect(squake.toolIds).toEqual([tool.id]);
    expect(squake.categoryIds).toEqual([tool.categoryId]);
    // every instruction's filter columns equal what its links say, however it was imported
    const [{ stale, linked }] = await sql(
      `select count(*) filter (where i."toolIds" <> coalesce(s.t, '{}') or i."categoryIds" <> coalesce(s.c, '{}')) as stale,
              count(s.id) as linked
       from "Instruction" i left join (
         select ia."instructionId" as id, array_agg(distinct a."toolId" order by a."toolId") as t, array_agg(distinct tl."categoryId" order by tl."categoryId") as c
         from "InstructionApi" ia join "Api" a on a.id = ia."apiId" join "Tool" tl on tl.id = a."toolId" group by 1) s on s.id = i.id`,
    );
    expect(stale).toBe(0);
    expect(linked).toBeGreaterThan(250);
  });

  it("attaches response schemas to the tools they describe", async () => {
    const raw = JSON.parse(readDataset("toolbench/toolenv/response_examples/Business/abuse_ip_check.json"));
    const [api] = await sql(
      `select a."responseSchema" from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
       where c."standardizedName" = 'Business' and t."standardizedName" = 'abuse_ip_check' and a.name = $1`,
      [raw.api_list[0].name],
    );
    expect(api.responseSchema).toEqual(raw.api_list[0].schema);
  });

  it("adds nothing and changes nothing when the same files are imported again", async () => {
    const snapshot = async () =>
      sql(`select (select md5(string_agg(t::text, '|' order by id)) from "Tool" t) as tools,
                  (select md5(string_agg(a::text, '|' order by id)) from "Api" a) as apis,
                  (select md5(string_agg(i::text, '|' order by id)) from "Instruction" i) as instructions,
                  (select md5(string_agg(t::text, '|' order by id)) from "Tree" t) as trees,
                  (select count(*) from "Node") as nodes, (select count(*) from "InstructionApi") as links`);
    const before = await snapshot();
    const again = await importFiles(expandInputs([datasetsDir()]).files);
    expect(again).toMatchObject({ instructions: 0, trees: 0, nodes: 0, categories: 0, tools: 0, apis: 0, errors: [] });
    expect(again.duplicateTrees).toBe(first.trees);
    expect(await snapshot()).toEqual(before);
  });
});

describe("a bad file", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-import-"));
  const answer = (rel: string) => readDataset(`toolbench/answer/${rel}`);
  const dir = path.join(tmp, "G2_answer");
  fs.mkdirSync(dir);
  // Good files around bad ones, all in one batch (renamed: the same bytes under the same query id are the same tree).
  fs.writeFileSync(path.join(dir, "11_ChatGPT_DFS_woFilter_w2.json"), answer("G2_answer/10_ChatGPT_DFS_woFilter_w2.json"));
  fs.writeFileSync(path.join(dir, "20_ChatGPT_DFS_woFilter_w2.json"), answer("G2_answer/102_ChatGPT_DFS_woFilter_w2.json").slice(0, 3000));
  const wrongShape = JSON.parse(answer("G2_answer/119_ChatGPT_DFS_woFilter_w2.json"));
  wrongShape.tree.tree.children[0].children[0].children = "none";
  fs.writeFileSync(path.join(dir, "30_ChatGPT_DFS_woFilter_w2.json"), JSON.stringify(wrongShape));
  // Parses, but cannot be stored (query_count overflows Postgres' int): fails inside the batch's transaction.
  const unstorable = JSON.parse(answer("G2_answer/127_ChatGPT_DFS_woFilter_w2.json"));
  unstorable.answer_generation.query = "A query only the unstorable file has";
  unstorable.answer_generation.query_count = 2 ** 40;
  fs.writeFileSync(path.join(dir, "40_ChatGPT_DFS_woFilter_w2.json"), JSON.stringify(unstorable));
  fs.writeFileSync(path.join(dir, "50_ChatGPT_DFS_woFilter_w2.json"), answer("G2_answer/52_ChatGPT_DFS_woFilter_w2.json"));

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("is reported with where it is wrong, and rolls back alone", async () => {
    const s = await importFiles(expandInputs([dir]).files);
    const errors = Object.fromEntries(s.errors.map((e) => [e.file, e.message]));
    expect(Object.keys(errors).sort()).toEqual([
      "G2_answer/20_ChatGPT_DFS_woFilter_w2.json",
      "G2_answer/30_ChatGPT_DFS_woFilter_w2.json",
      "G2_answer/40_ChatGPT_DFS_woFilter_w2.json",
    ]);
    expect(errors["G2_answer/20_ChatGPT_DFS_woFilter_w2.json"]).toMatch(/not valid JSON.*\(at line \d+, column \d+\)/);
    expect(errors["G2_answer/30_ChatGPT_DFS_woFilter_w2.json"]).toMatch(/expected an array.*\$\.tree\.tree\.children\[0\]\.children\[0\]\.children/);
    expect(errors["G2_answer/40_ChatGPT_DFS_woFilter_w2.json"]).toMatch(/out of range/);
    const stored = await sql(`select "sourceFile" from "Tree" where "sourceFile" like 'G2_answer/%' order by 1`);
    expect(stored.map((r: any) => r.sourceFile)).toEqual(["G2_answer/11_ChatGPT_DFS_woFilter_w2.json", "G2_answer/50_ChatGPT_DFS_woFilter_w2.json"]);
    const orphans = await sql(`select id from "Instruction" where query = 'A query only the unstorable file has'`);
    expect(orphans).toEqual([]);
  });

  it("makes `arbor import` exit non-zero while the other files import", () => {
    const r = spawnSync(process.execPath, [path.resolve("lib/cli/bin.mjs"), "import", dir, "--json"], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toHaveLength(3);
    expect(out.trees).toBe(0); // the two good files were imported by the previous test
    expect(Object.keys(out).slice(0, 8)).toEqual(["files", "instructions", "trees", "nodes", "categories", "tools", "apis", "errors"]);
  }, 60_000);
});
