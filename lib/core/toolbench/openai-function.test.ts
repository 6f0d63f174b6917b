import { describe, expect, it } from "vitest";
import { datasetFiles, readDatasetJson } from "@/lib/test/datasets";
import { standardize } from "./names";
import { buildFunctionList, FINISH_FUNCTION, FINISH_FUNCTION_ORIGINAL, toOpenAiFunction, type ApiDoc } from "./openai-function";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from the dataset files */

const param = (name: string, type: string, defaultValue: unknown = "", description = "") => ({ name, type, description, default: defaultValue });

describe("toOpenAiFunction", () => {
  const api: ApiDoc = {
    name: "Get Track Info",
    description: "Tracks a parcel by its number",
    requiredParameters: [param("track number", "STRING", "RB1"), param("from", "NUMBER", 3)],
    optionalParameters: [param("verbose", "BOOLEAN", false), param("lang", "string", "")],
  };

  it("names the function <api>_for_<tool> and prefixes the description", () => {
    const fn = toOpenAiFunction(api, "pridnestrovie_post");
    expect(fn.name).toBe("get_track_info_for_pridnestrovie_post");
    expect(fn.description).toBe(
      'This is the subfunction for tool "pridnestrovie_post", you can use this tool.The description of this function is: "Tracks a parcel by its number"',
    );
  });

  it("replaces the API's name inside its description with the function name", () => {
    const fn = toOpenAiFunction({ ...api, name: "get_track_info", description: "  get_track_info by number, see get_track_info  " }, "post");
    expect(fn.description).toContain('"get_track_info_for_post by number, see get_track_info_for_post"');
  });

  it("leaves the second sentence out when the description is blank", () => {
    expect(toOpenAiFunction({ ...api, description: " \n" }, "t").description).toBe('This is the subfunction for tool "t", you can use this tool.');
    expect(toOpenAiFunction({ ...api, description: null }, "t").description).toBe('This is the subfunction for tool "t", you can use this tool.');
  });

  it("cuts the description to 256 code points after the replacement", () => {
    const fn = toOpenAiFunction({ ...api, description: "😀".repeat(300) }, "t");
    const quoted = /is: "(.*)"$/u.exec(fn.description)![1]!;
    expect(Array.from(quoted)).toHaveLength(256);
  });

  it("maps NUMBER/BOOLEAN/STRING exactly, everything else to string, and keeps non-empty defaults", () => {
    const fn = toOpenAiFunction(api, "t");
    expect(fn.parameters).toEqual({
      type: "object",
      properties: {
        track_number: { type: "string", description: "", example_value: "RB1" },
        is_from: { type: "integer", description: "", example_value: 3 },
        verbose: { type: "boolean", description: "", example_value: false },
        lang: { type: "string", description: "" },
      },
      required: ["track_number", "is_from"],
      optional: ["verbose", "lang"],
    });
  });

  it("keeps a null default as an example value, as Python's str(None) is not empty", () => {
    const fn = toOpenAiFunction({ ...api, requiredParameters: [param("q", "STRING", null)] }, "t");
    expect(fn.parameters.properties.q).toEqual({ type: "string", description: "", example_value: null });
  });

  it("offers no parameters at all when an API has only optional ones (ToolBench's nesting)", () => {
    const fn = toOpenAiFunction({ ...api, requiredParameters: [] }, "t");
    expect(fn.parameters).toEqual({ type: "object", properties: {}, required: [], optional: [] });
  });

  it("keeps the last 64 characters of a long name", () => {
    const fn = toOpenAiFunction({ ...api, name: "a".repeat(70) }, "tool");
    expect(fn.name).toHaveLength(64);
    expect(fn.name.endsWith("_for_tool")).toBe(true);
  });

  it("appends Finish to a function list", () => {
    const list = buildFunctionList([{ api, standardizedToolName: "t" }]);
    expect(list.map((f) => f.name)).toEqual(["get_track_info_for_t", "Finish"]);
    expect(list[1]).toBe(FINISH_FUNCTION);
    expect(buildFunctionList([], FINISH_FUNCTION_ORIGINAL)).toEqual([FINISH_FUNCTION_ORIGINAL]);
  });
});

// ───────────── against the released files ─────────────

const instructionFiles = datasetFiles().filter((f) => /instruction\/G\d_query\.json$|test_instruction\/.*\.json$|inference_query_demo\.json$/.test(f));
const answerFiles = datasetFiles().filter((f) => /_(DFS_\w+|CoT@\d+)\.json$/.test(f));

/** Every API entry of the instruction files, converted, by function name (entries that disagree are all kept). */
function convertedInstructionApis(): Map<string, unknown[]> {
  const byName = new Map<string, unknown[]>();
  for (const file of instructionFiles) {
    for (const q of readDatasetJson<any[]>(file)) {
      // Entries without documentation (ToolBench's inference demo lists names only) have nothing to convert.
      for (const a of (q.api_list ?? []).filter((x: any) => x.api_description !== undefined)) {
        const fn = toOpenAiFunction(
          { name: a.api_name, description: a.api_description, requiredParameters: a.required_parameters, optionalParameters: a.optional_parameters },
          standardize(a.tool_name),
        );
        const list = byName.get(fn.name) ?? [];
        if (!list.some((x) => JSON.stringify(x) === JSON.stringify(fn))) list.push(fn);
        byName.set(fn.name, list);
      }
    }
  }
  return byName;
}

describe("function conversion against the released answer files", () => {
  const converted = convertedInstructionApis();

  it("offers Finish exactly as every answer file lists it, last (in one of its two wordings)", () => {
    expect(answerFiles.length).toBeGreaterThanOrEqual(13);
    const seen = new Set<string>();
    for (const file of answerFiles) {
      const functions = readDatasetJson<any>(file).answer_generation.function as any[];
      const finish = functions[functions.length - 1];
      expect([FINISH_FUNCTION, FINISH_FUNCTION_ORIGINAL], file).toContainEqual(finish);
      seen.add(finish.description);
    }
    expect(seen).toEqual(new Set([FINISH_FUNCTION.description, FINISH_FUNCTION_ORIGINAL.description]));
  });

  it("reproduces every answer-file function whose API appears in an instruction file", () => {
    const compared: string[] = [];
    for (const file of answerFiles) {
      for (const fn of readDatasetJson<any>(file).answer_generation.function as any[]) {
        const candidates = converted.get(fn.name);
        if (fn.name === "Finish" || !candidates) continue;
        expect(candidates, `${file}: ${fn.name}`).toContainEqual(fn);
        compared.push(`${file}:${fn.name}`);
      }
    }
    // The files share these APIs: SQUAKE and Turkey Postal Codes (G2_query) with DFSDT answers, and the
    // StableToolBench CoT answers' whole function lists with their solvable instructions.
    expect(compared.length).toBeGreaterThanOrEqual(26);
    expect(compared).toContain("toolbench/answer/G2_answer/52_ChatGPT_DFS_woFilter_w2.json:checkhealth_for_squake");
    expect(compared).toContain("toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json:il_for_turkey_postal_codes");
  });

  it("rebuilds a CoT answer's whole function list from its instruction's api_list", () => {
    const cotFiles = answerFiles.filter((f) => f.includes("_CoT@"));
    expect(cotFiles.length).toBeGreaterThan(0);
    const instructions = instructionFiles.flatMap((f) => readDatasetJson<any[]>(f));
    for (const file of cotFiles) {
      const answer = readDatasetJson<any>(file).answer_generation;
      const instruction = instructions.find((q) => q.query === answer.query);
      expect(instruction, file).toBeDefined();
      const list = buildFunctionList(
        instruction.api_list.map((a: any) => ({
          api: { name: a.api_name, description: a.api_description, requiredParameters: a.required_parameters, optionalParameters: a.optional_parameters },
          standardizedToolName: standardize(a.tool_name),
        })),
      );
      expect(list, file).toEqual(answer.function);
    }
  });
});
