// Files of one corpus arrive in any order (answers before instructions, examples before tools): the
// result is the same catalog and the same links.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db/pool";
import { readDataset } from "@/lib/test/datasets";
import { instructionListFilter } from "@/lib/core/schemas/instructions";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";
import { getInstructionDetail } from "./instruction-detail";
import { listInstructionPage, listSourceSuggestions } from "./instructions";

let db: TestDatabase;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-merge-"));
const put = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.writeFileSync(path.join(tmp, rel), text);
  return path.join(tmp, rel);
};
const importOne = async (abs: string) => {
  const s = await importFiles(expandInputs([abs], { relativeTo: tmp }).files);
  expect(s.errors).toEqual([]);
  return s;
};
const sql = async (text: string, params: unknown[] = []) => (await pool().query(text, params)).rows;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("import order does not matter", () => {
  it("an instruction first met in an answer file gains its APIs from its instruction file", async () => {
    // StableToolBench's CoT answer for query 1073, then the G1 test instructions that hold it.
    await importOne(put("answer/G1_instruction/1073_CoT@1.json", readDataset("stabletoolbench/answer/virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json")));
    const [stub] = await sql(`select i.id, i."sampledApis", i."functionNames", (select count(*)::int from "Tree" t where t."instructionId" = i.id) as "treeCount"
       from "Instruction" i where i."externalId" = '1073'`);
    expect(stub.sampledApis).toEqual([]);
    expect(stub.functionNames).toContain("popularsitesforquery_for_keyword_analysis");
    expect(stub.treeCount).toBe(1);

    const s = await importOne(put("solvable_queries/G1_instruction.json", readDataset("stabletoolbench/solvable_queries/test_instruction/G1_instruction.json")));
    const raw = JSON.parse(readDataset("stabletoolbench/solvable_queries/test_instruction/G1_instruction.json")) as { query_id: number; api_list: unknown[] }[];
    expect(s.instructions).toBe(raw.length - 1); // 1073 already existed and was completed, not duplicated
    const [after] = await sql(
      `select i.id, jsonb_array_length(i."sampledApis") as sampled, cardinality(i."toolIds") as tools, count(ia.*)::int as links
       from "Instruction" i left join "InstructionApi" ia on ia."instructionId" = i.id where i.id = $1 group by i.id`,
      [stub.id],
    );
    expect(after.sampled).toBe(raw.find((q) => q.query_id === 1073)!.api_list.length);
    expect(after.links).toBe(after.sampled);
    expect(after.tools).toBeGreaterThan(0);
  });

  it("an instruction is in every file that holds it: each file's source filter finds it", async () => {
    // (after the test above) 1073 came first from its answer file, then from the G1 test set; five of
    // the test set's queries arrive once more in another file
    const testSet = "solvable_queries/G1_instruction.json";
    const raw = JSON.parse(readDataset("stabletoolbench/solvable_queries/test_instruction/G1_instruction.json")) as { query_id: number }[];
    const s = await importOne(put("subset/G1_instruction.json", JSON.stringify(raw.slice(0, 5))));
    expect(s.instructions).toBe(0);

    const bySource = async (source: string) => {
      const page = await listInstructionPage(instructionListFilter.parse({ source, pageSize: 200 }));
      return { total: page.total, ids: page.items.map((i) => i.externalId).sort() };
    };
    expect(await bySource("subset/G1_instruction.json")).toEqual({ total: 5, ids: raw.slice(0, 5).map((q) => String(q.query_id)).sort() });
    expect((await bySource(testSet)).total).toBe(raw.length);
    expect(await bySource("answer/G1_instruction/1073_CoT@1.json")).toEqual({ total: 1, ids: ["1073"] });
    expect(await listSourceSuggestions({ q: "G1_instruction", limit: 10 })).toEqual([
      { sourceFile: testSet, count: raw.length },
      { sourceFile: "subset/G1_instruction.json", count: 5 },
      { sourceFile: "answer/G1_instruction/1073_CoT@1.json", count: 1 },
    ]);

    // the instruction's page lists its files, the first it was imported from first
    const [first] = await sql(`select id from "Instruction" where "externalId" = $1 and "group" = 'G1'`, [String(raw[0]!.query_id)]);
    expect((await getInstructionDetail(first.id)).instruction.sourceFiles).toEqual([testSet, "subset/G1_instruction.json"]);
    const [stub] = await sql(`select id from "Instruction" where "externalId" = '1073'`);
    const inSubset = raw.slice(0, 5).some((q) => q.query_id === 1073);
    expect((await getInstructionDetail(stub.id)).instruction.sourceFiles).toEqual([
      "answer/G1_instruction/1073_CoT@1.json",
      testSet,
      ...(inSubset ? ["subset/G1_instruction.json"] : []),
    ]);
    // importing a file again adds no source
    await importOne(put("subset/G1_instruction.json", JSON.stringify(raw.slice(0, 5))));
    expect((await sql(`select count(*)::int as n from "InstructionSource"`))[0].n).toBe(raw.length + 5 + 1);
  });

  it("response examples before their tool file: the tool file completes the same tool", async () => {
    const examples = { api_list: [{ name: "properties/get-broadband", schema: { speed: "int" } }] };
    const s1 = await importOne(put("toolenv/response_examples/Real_Estate/zoopla.json", JSON.stringify(examples)));
    expect(s1).toMatchObject({ categories: 1, tools: 1, apis: 1 });
    const tool = {
      tool_name: "Zoopla",
      tool_description: "UK property listings",
      host: "zoopla.p.rapidapi.com",
      api_list: [
        {
          name: "properties/get-broadband",
          url: "https://zoopla.p.rapidapi.com/properties/get-broadband",
          description: "Get broadband information",
          method: "GET",
          required_parameters: [{ name: "listing_id", type: "NUMBER", description: "", default: "56354192" }],
          optional_parameters: [],
        },
        { name: "properties/list", url: "https://zoopla.p.rapidapi.com/properties/list", description: "List", method: "GET", required_parameters: [], optional_parameters: [] },
      ],
    };
    const s2 = await importOne(put("toolenv/tools/Real_Estate/zoopla.json", JSON.stringify(tool)));
    expect(s2).toMatchObject({ categories: 0, tools: 0, apis: 1 });
    const rows = await sql(
      `select t.name as tool, t.description, t.host, a.name, a.url, a."responseSchema", a."functionName", jsonb_array_length(a."requiredParameters") as req
       from "Tool" t join "Api" a on a."toolId" = t.id where t."standardizedName" = 'zoopla' order by a.name`,
    );
    expect(rows).toEqual([
      {
        tool: "Zoopla", description: "UK property listings", host: "zoopla.p.rapidapi.com", name: "properties/get-broadband",
        url: "https://zoopla.p.rapidapi.com/properties/get-broadband", responseSchema: { speed: "int" },
        functionName: "properties_get_broadband_for_zoopla", req: 1,
      },
      {
        tool: "Zoopla", description: "UK property listings", host: "zoopla.p.rapidapi.com", name: "properties/list",
        url: "https://zoopla.p.rapidapi.com/properties/list", responseSchema: null, functionName: "properties_list_for_zoopla", req: 0,
      },
    ]);
    // and importing both again changes nothing
    const again = await importFiles(expandInputs([path.join(tmp, "toolenv")], { relativeTo: tmp }).files);
    expect(again).toMatchObject({ categories: 0, tools: 0, apis: 0, errors: [] });
  });
});
