// Instruction files too large to read whole are streamed element by element — with the same result
// as reading them whole, and the same all-or-nothing rule.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir, readDataset } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";

let db: TestDatabase;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-stream-"));
const sql = async (text: string, params: unknown[] = []) => (await pool().query(text, params)).rows;
const REL = "stabletoolbench/solvable_queries/test_instruction/G1_instruction.json";

/** Everything an instruction file produces, comparable across databases. */
const snapshot = () =>
  sql(`select i."group", i."externalId", i.query, i."sampledApis", i."relevantApis", cardinality(i."toolIds") as tools,
              (select array_agg(a."functionName" || ':' || ia.relevant order by ia.position) from "InstructionApi" ia join "Api" a on a.id = ia."apiId" where ia."instructionId" = i.id) as links
       from "Instruction" i order by i."group", i."externalId"`);

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("streamed instruction files", () => {
  it("give the same instructions, catalog and links as a whole-file read", async () => {
    const file = expandInputs([path.join(datasetsDir(), REL)]).files;
    const whole = await importFiles(file, { streamAbove: Number.MAX_SAFE_INTEGER });
    expect(whole.errors).toEqual([]);
    const expected = await snapshot();
    await sql(`truncate "Instruction", "Category" cascade`);

    const streamed = await importFiles(file, { streamAbove: 0 });
    expect(streamed.errors).toEqual([]);
    expect(streamed).toMatchObject({ instructions: whole.instructions, categories: whole.categories, tools: whole.tools, apis: whole.apis });
    expect(streamed.instructions).toBe(JSON.parse(readDataset(REL)).length);
    expect(await snapshot()).toEqual(expected);
  });

  it("a broken large file is reported where it breaks and writes nothing", async () => {
    await sql(`truncate "Instruction", "Category" cascade`);
    const text = readDataset(REL);
    // break the third element (a missing comma after its query) and cut the file short
    const third = text.indexOf('"query"', text.indexOf('"query"', text.indexOf('"query"') + 1) + 1);
    const broken = `${text.slice(0, third)}"query": "x" "oops": 1, ${text.slice(third)}`;
    fs.writeFileSync(path.join(tmp, "G1_big.json"), broken);
    const s = await importFiles(expandInputs([path.join(tmp, "G1_big.json")]).files, { streamAbove: 0 });
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.message).toMatch(/not valid JSON.*\(at line \d+, column \d+ \(element \$\[2\]\)\)/);
    expect(await sql(`select count(*)::int as n from "Instruction"`)).toEqual([{ n: 0 }]);
    expect(await sql(`select count(*)::int as n from "Api"`)).toEqual([{ n: 0 }]);
  });
});

describe("ToolLLaMA conversation files", () => {
  it("are recognized and skipped with a reason, whole or streamed", async () => {
    const conversations = [{ id: "Step 2: q", conversations: [{ from: "system", value: "…" }, { from: "user", value: "q" }] }];
    fs.writeFileSync(path.join(tmp, "toolllama_G123_dfs_train.json"), JSON.stringify(conversations));
    for (const streamAbove of [0, Number.MAX_SAFE_INTEGER]) {
      const s = await importFiles(expandInputs([path.join(tmp, "toolllama_G123_dfs_train.json")]).files, { streamAbove });
      expect(s.errors).toEqual([]);
      expect(s.skipped).toEqual([{ file: "toolllama_G123_dfs_train.json", reason: expect.stringMatching(/ToolLLaMA training conversations/) }]);
      expect(s.kinds).toEqual({ toolllama_conversations: 1 });
    }
  });
});
