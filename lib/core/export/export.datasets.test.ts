// Fidelity against ToolBench's released answer files: a tree imported from a file and exported
// gives back the file's own train_messages, and its answer file reads back as the same tree.
import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import type { ParsedTree } from "@/lib/core/toolbench/types";
import { datasetFiles, readDataset } from "@/lib/test/datasets";
import { answerFilePath, toAnswerFile } from "./answer-file";
import { linesOf, parquetRow, recordsOf, trainMessagesRecord } from "./formats";
import { exportTreeFromParsed } from "./from-parsed";

const DFS_FILES = datasetFiles("toolbench/answer").filter((f) => /G\d_answer\/[^/]*_DFS_woFilter_w2\.json$/.test(f));

function parsedTree(rel: string): ParsedTree {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`${rel} is not a DFSDT answer file`);
  return parsed.trees[0]!;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- raw answer-file JSON */

describe("export of real DFSDT answer files", () => {
  it("finds the answer files", () => {
    expect(DFS_FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(DFS_FILES)("%s: train_messages are the file's own", (rel) => {
    const raw = JSON.parse(readDataset(rel)) as any;
    const tree = exportTreeFromParsed(parsedTree(rel), 1);
    const record = trainMessagesRecord(tree);
    expect(record?.train_messages).toEqual(raw.answer_generation.train_messages);
    // and byte for byte, as JSON; the JSONL line is the record as JSON.stringify writes it
    if (record) {
      expect(JSON.stringify(record.train_messages)).toBe(JSON.stringify(raw.answer_generation.train_messages));
      expect(linesOf("train_messages", tree)).toEqual([JSON.stringify(record)]);
    } else expect(linesOf("train_messages", tree)).toEqual([]);
  });

  it.each(DFS_FILES)("%s: the answer file reads back as the same tree", (rel) => {
    const original = parsedTree(rel);
    const tree = exportTreeFromParsed(original, 7);
    const name = answerFilePath(tree, () => false);
    const again = parseToolBenchFile(JSON.stringify(toAnswerFile(tree), null, 2), name);
    expect(again.kind).toBe("dfs_answer");
    const back = (again as { trees: ParsedTree[] }).trees[0]!;
    expect(back.nodes).toEqual(original.nodes);
    const { nodes: _a, ...restBack } = back;
    const { nodes: _b, ...restOriginal } = original;
    expect(restBack).toEqual(restOriginal);
  });
});

describe("the other formats on a real tree", () => {
  const rel = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
  const tree = exportTreeFromParsed(parsedTree(rel), 3, {
    relevantApis: [["SEO API", "Search"]],
    sampledApis: [{ category: "Data", tool: "SEO API", api: "Search" }],
  });
  const raw = JSON.parse(readDataset(rel)) as any;

  it("OpenAI: the whole training path with tools and tool_calls, each call answered by its tool result", () => {
    const [line] = recordsOf("openai", tree) as any[];
    expect(line.tools.length).toBe(raw.answer_generation.function.length);
    expect(line.tools[0]).toMatchObject({ type: "function", function: { name: raw.answer_generation.function[0].name } });
    const calls = line.messages.filter((m: any) => m.tool_calls);
    expect(calls.length).toBeGreaterThan(0);
    for (const m of line.messages.filter((x: any) => x.role === "tool")) expect(calls.some((c: any) => c.tool_calls[0].id === m.tool_call_id)).toBe(true);
    expect(line.messages.at(-1).tool_calls[0].function.name).toBe("Finish");
    expect(line.messages.some((m: any) => "valid" in m)).toBe(false);
  });

  it("ToolLLaMA: one record per step, assistant turns as Thought / Action / Action Input", () => {
    const records = recordsOf("toolllama", tree) as any[];
    expect(records).toHaveLength(raw.answer_generation.train_messages.length);
    expect(records[0].id).toBe(`Step 1: ${tree.query}`);
    const last = records.at(-1);
    expect(last.conversations[0].from).toBe("system");
    expect(last.conversations[0].value).toContain("Specifically, you have access to the following APIs: [{'name': ");
    expect(last.conversations.at(-1).value).toMatch(/^\nThought: .*\nAction: Finish\nAction Input: \{/s);
  });

  it("ShareGPT: human / function_call / observation turns with the system prompt and tools beside them", () => {
    const [line] = recordsOf("sharegpt", tree) as any[];
    expect(line.system).toBe(tree.systemPrompt);
    expect(JSON.parse(line.tools).length).toBe(raw.answer_generation.function.length);
    expect(line.conversations[0].from).toBe("human");
    expect(new Set(line.conversations.map((c: any) => c.from))).toEqual(new Set(["human", "function_call", "observation", "gpt"]));
  });

  it("DPO: the training path against a failed sibling where they part", () => {
    const pairs = recordsOf("dpo", tree) as any[];
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.chosen.at(-1).role).toBe("assistant");
      expect(p.rejected.at(-1).role).toBe("assistant");
      expect(JSON.stringify(p.chosen)).not.toBe(JSON.stringify(p.rejected));
      expect(p.prompt[0].role).toBe("system");
    }
  });

  it("retriever pairs: the instruction and its relevant APIs with document text", () => {
    const [pair] = recordsOf("retriever", tree) as any[];
    expect(pair.query).toBe(tree.query);
    expect(pair.relevant_apis[0]).toMatchObject({ category: "Data", tool: "SEO API", api: "Search", function: "search_for_seo_api" });
    expect(pair.relevant_apis[0].document).toMatch(/^Data, SEO API, Search, .*required_params: \[/s);
  });

  it("Parquet rows carry the training conversation as JSON", () => {
    const row = parquetRow(tree);
    expect(JSON.parse(row.messages!).at(-1).tool_calls[0].function.name).toBe("Finish");
  });

  it("a tree without a training path makes no record", () => {
    const none = { ...tree, chosenNodeIdx: null };
    for (const f of ["train_messages", "toolllama", "openai", "sharegpt", "dpo"] as const) expect(recordsOf(f, none)).toEqual([]);
  });
});

describe("retriever pairs without the instruction's list", () => {
  it("fall back to the APIs the training path called without error", () => {
    const rel = "toolbench/answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json";
    const [pair] = recordsOf("retriever", exportTreeFromParsed(parsedTree(rel), 4)) as any[];
    expect(pair.source).toBe("training_path");
    expect(pair.relevant_apis.map((a: any) => a.function)).toEqual(["transitaires_for_transitaires", "transitaire_for_transitaires"]);
    expect(pair.relevant_apis[0]).toMatchObject({ tool: "transitaires", api: "transitaires" });
  });
});
