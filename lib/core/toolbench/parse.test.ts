// Parser behaviour beyond the real files: errors that say where, the tools/tool_calls message style,
// toolenv tool files, and the lenient readers ToolBench's own code relies on.
import { describe, expect, it } from "vitest";
import { readDataset } from "@/lib/test/datasets";
import { parseAnswerFileName as parseFileName } from "./file-context";
import { parseFinishArguments } from "./finish";
import { parseToolBenchFile } from "./parse";
import { readReprDict } from "./python-repr";
import { ToolBenchParseError, type ParsedTree } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON is reshaped freely here */

function parseError(text: string, file = "x.json"): ToolBenchParseError {
  try {
    parseToolBenchFile(text, file);
  } catch (err) {
    if (err instanceof ToolBenchParseError) return err;
    throw err;
  }
  throw new Error("expected a parse error");
}

describe("errors say where the file is wrong", () => {
  it("reports the line and column of bad JSON", () => {
    const err = parseError('[\n  {"query": "a"},\n  {"query": "b",,}\n]');
    expect(err.location).toBe("line 3, column 17");
    expect(err.message).toMatch(/not valid JSON/);
  });

  it("reports truncated JSON at its end", () => {
    const text = readDataset("toolbench/answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json");
    const cut = text.slice(0, 5000);
    const err = parseError(cut, "G1_answer/10_ChatGPT_DFS_woFilter_w2.json");
    expect(err.location).toMatch(/^line \d+, column \d+$/);
  });

  it("names the JSON path of a wrong field", () => {
    const err = parseError(JSON.stringify([{ query: "q", api_list: [{ category_name: "C", tool_name: "T", api_name: 7 }] }]));
    expect(err.location).toBe("$[0].api_list[0].api_name");
    expect(err.message).toMatch(/expected a string, found number 7/);
  });

  it("names the node of a malformed tree", () => {
    const raw = JSON.parse(readDataset("toolbench/answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json"));
    raw.tree.tree.children[0].children[0].node_type = "Observation";
    const err = parseError(JSON.stringify(raw), "G1_answer/10_ChatGPT_DFS_woFilter_w2.json");
    expect(err.location).toBe("$.tree.tree.children[0].children[0].node_type");
  });

  it("rejects JSON that is no ToolBench file", () => {
    expect(parseError('{"hello": "world"}').message).toMatch(/not a ToolBench file/);
    expect(parseError("[1, 2, 3]").message).toMatch(/not a ToolBench file/);
  });

  it("treats an empty file as nothing to import", () => {
    expect(parseToolBenchFile("  \n", "x.json")).toEqual({ kind: "empty" });
  });
});

/** Rewrites a file's messages from the function_call style to the tools / tool_calls style. */
function toToolCallsStyle(conversation: any[]): any[] {
  let n = 0;
  let lastId = "";
  return conversation.map((m) => {
    if (m.role === "assistant" && m.function_call) {
      lastId = `call_${++n}`;
      const { function_call, ...rest } = m;
      return { ...rest, tool_calls: [{ id: lastId, type: "function", function: function_call }] };
    }
    if (m.role === "function") return { role: "tool", tool_call_id: lastId, name: m.name, content: m.content };
    return m;
  });
}

describe("message styles", () => {
  it("finds the same exported give-up path in tool_calls-style files", () => {
    const rel = "toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json";
    const raw = JSON.parse(readDataset(rel));
    const original = (parseToolBenchFile(JSON.stringify(raw), rel) as { trees: ParsedTree[] }).trees[0]!;
    raw.answer_generation.train_messages = raw.answer_generation.train_messages.map(toToolCallsStyle);
    raw.answer_generation.function = raw.answer_generation.function.map((f: any) => ({ type: "function", function: f }));
    const restyled = (parseToolBenchFile(JSON.stringify(raw), rel) as { trees: ParsedTree[] }).trees[0]!;
    expect(original.finishType).toBe("give_up");
    expect(restyled.chosenNodeIdx).toBe(original.chosenNodeIdx);
    // this file has three give-up nodes; the exported one is not the first visited
    const giveUps = original.nodes.filter((x) => x.observationCode === 4);
    expect(giveUps).toHaveLength(3);
    expect(original.chosenNodeIdx).not.toBe(giveUps[0]!.idx);
  });
});

describe("toolenv tool files", () => {
  const toolJson = {
    tool_name: "Zoopla",
    tool_description: "Real estate listings",
    title: "Zoopla",
    pricing: "FREEMIUM",
    home_url: "https://rapidapi.com/apidojo/api/zoopla",
    host: "zoopla.p.rapidapi.com",
    api_list: [
      {
        name: "properties/get-broadband",
        url: "https://zoopla.p.rapidapi.com/properties/get-broadband",
        description: "Get broadband information",
        method: "GET",
        required_parameters: [{ name: "listing_id", type: "NUMBER", description: "The listing", default: "56354192" }],
        optional_parameters: [],
        code: "import requests",
        test_endpoint: "",
        statuscode: 200,
        schema: {},
      },
    ],
  };

  it("reads the tool, its category folder and its APIs", () => {
    const parsed = parseToolBenchFile(JSON.stringify(toolJson), "toolenv/tools/Data/zoopla.json");
    expect(parsed.kind).toBe("tool");
    if (parsed.kind !== "tool") return;
    const [tool] = parsed.catalog;
    expect(tool).toMatchObject({ category: "Data", name: "Zoopla", standardizedName: "zoopla", host: "zoopla.p.rapidapi.com" });
    expect(tool!.apis[0]).toMatchObject({
      name: "properties/get-broadband",
      url: "https://zoopla.p.rapidapi.com/properties/get-broadband",
      statusCode: 200,
      requiredParameters: [{ name: "listing_id", type: "NUMBER", description: "The listing", default: "56354192" }],
    });
    expect(tool!.apis[0]!.responseSchema).toBeUndefined(); // an empty schema is no schema
  });
});

describe("lenient readers", () => {
  it("reads Finish arguments with raw newlines like Python's strict=False", () => {
    expect(parseFinishArguments('{"return_type": "give_answer", "final_answer": "line 1\nline 2"}')).toEqual({
      returnType: "give_answer",
      finalAnswer: "line 1\nline 2",
    });
    expect(parseFinishArguments('{\n  "return_type": "give_up_and_restart"\n}')).toEqual({ returnType: "give_up_and_restart", finalAnswer: undefined });
    expect(parseFinishArguments('{"return_type": "give_answer", "final_answer": "cut off')).toMatchObject({ returnType: "give_answer", finalAnswer: "cut off" });
    expect(parseFinishArguments("")).toEqual({});
  });

  it("reads ToolEval's truncated Python dict text", () => {
    const text = `{'name': 'vin_decode_for_vin_decoder_v4', 'arguments': '{\\n  "vin": "WBA"\\n}', 'response': '{"error": "", "resp`;
    const d = readReprDict(text)!;
    expect(d.values.name).toBe("vin_decode_for_vin_decoder_v4");
    expect(d.values.arguments).toBe('{\n  "vin": "WBA"\n}');
    expect(d.values.response).toBe('{"error": "", "resp');
    expect(d.truncated.has("response")).toBe(true);
    expect(readReprDict(`{'name': "it's", 'arguments': '{}'}`)!.values.name).toBe("it's");
  });

  it("reads answer file names", () => {
    expect(parseFileName("57_ChatGPT_DFS_woFilter_w2")).toEqual({ queryId: "57", model: "ChatGPT", methodLabel: "DFS_woFilter_w2" });
    expect(parseFileName("1073_CoT@1")).toEqual({ queryId: "1073", model: undefined, methodLabel: "CoT@1" });
    expect(parseFileName("notes")).toEqual({});
  });
});
