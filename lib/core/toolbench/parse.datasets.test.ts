// Every real file in ../shared/datasets parses, with expectations read from the files themselves.
import { describe, expect, it } from "vitest";
import { datasetFiles, readDataset } from "@/lib/test/datasets";
import { parseToolBenchFile } from "./parse";
import { pathToNode } from "./tree-paths";
import type { ParsedFile, ParsedNode, ParsedTree } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from the files is explored freely here */

const files = datasetFiles();

function expectedKind(rel: string): ParsedFile["kind"] {
  if (rel.includes("/test_query_ids/")) return "query_ids";
  if (rel.includes("/response_examples/")) return readDataset(rel).trim() === "" ? "empty" : "response_examples";
  if (rel.includes("/tooleval_converted/")) return "tooleval_converted";
  if (/_DFS_\w+\.json$/.test(rel)) return "dfs_answer";
  if (/_CoT@\d+\.json$/.test(rel)) return "cot_answer";
  return "instructions";
}

function countRawNodes(n: any): number {
  return 1 + (n.children ?? []).reduce((s: number, c: any) => s + countRawNodes(c), 0);
}

/** The calls an exported conversation made, as [name, arguments] pairs. */
function conversationCalls(conversation: any[]): [string, string][] {
  const calls: [string, string][] = [];
  for (const m of conversation) {
    if (m.role !== "assistant") continue;
    if (m.function_call) calls.push([m.function_call.name, m.function_call.arguments]);
    for (const tc of m.tool_calls ?? []) calls.push([tc.function.name, tc.function.arguments]);
  }
  return calls;
}

function pathCalls(tree: ParsedTree, leafIdx: number): [string, string][] {
  return pathToNode(tree.nodes, leafIdx)
    .filter((n) => n.type === "ActionInput" && n.parentIdx !== null)
    .map((n) => [n.functionName ?? "", n.text]);
}

function expectWellFormed(nodes: ParsedNode[]) {
  nodes.forEach((n, i) => {
    expect(n.idx).toBe(i);
    if (i === 0) expect(n.parentIdx).toBeNull();
    else {
      expect(n.parentIdx).not.toBeNull();
      expect(n.parentIdx!).toBeLessThan(i); // pre-order: parents come first
      expect(n.depth).toBe(nodes[n.parentIdx!]!.depth + 1);
    }
    const kids = nodes.filter((c) => c.parentIdx === n.idx);
    expect(n.childCount).toBe(kids.length);
    expect(kids.map((k) => k.position)).toEqual(kids.map((_, j) => j));
  });
}

describe("every dataset file", () => {
  it("finds files of every kind", () => {
    const kinds = new Set(files.map(expectedKind));
    expect([...kinds].sort()).toEqual(
      ["cot_answer", "dfs_answer", "empty", "instructions", "query_ids", "response_examples", "tooleval_converted"].sort(),
    );
  });

  it.each(files)("%s parses as its kind", (rel) => {
    expect(parseToolBenchFile(readDataset(rel), rel).kind).toBe(expectedKind(rel));
  });
});

describe("instruction files", () => {
  const instructionFiles = files.filter((f) => expectedKind(f) === "instructions");
  it.each(instructionFiles)("%s: one instruction per entry, with its APIs", (rel) => {
    const raw = JSON.parse(readDataset(rel)) as any[];
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "instructions") throw new Error("wrong kind");
    expect(parsed.instructions).toHaveLength(raw.length);
    const group = /G([123])_/.exec(rel)?.[1];
    parsed.instructions.forEach((ins, i) => {
      expect(ins.query).toBe(raw[i].query);
      expect(ins.externalId).toBe(String(raw[i].query_id));
      expect(ins.group).toBe(group ? `G${group}` : "unknown");
      expect(ins.sampledApis).toEqual((raw[i].api_list ?? []).map((a: any) => ({ category: a.category_name, tool: a.tool_name, api: a.api_name })));
      expect(ins.relevantApis).toEqual(raw[i]["relevant APIs"] ?? []);
    });
    // the catalog holds each distinct (category, tool, api) once
    const distinct = new Set(raw.flatMap((q) => (q.api_list ?? []).map((a: any) => `${a.category_name}|${a.tool_name}|${a.api_name}`)));
    const catalogApis = parsed.catalog.flatMap((t) => t.apis.map((a) => `${t.category}|${t.name}|${a.name}`));
    expect(new Set(catalogApis).size).toBe(catalogApis.length);
    expect(new Set(catalogApis)).toEqual(distinct);
  });
});

describe("DFSDT answer files", () => {
  const dfsFiles = files.filter((f) => expectedKind(f) === "dfs_answer");
  it.each(dfsFiles)("%s: nodes, counts and the chosen path match the file", (rel) => {
    const raw = JSON.parse(readDataset(rel));
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "dfs_answer") throw new Error("wrong kind");
    const [tree] = parsed.trees;
    const ag = raw.answer_generation;
    expect(tree!.nodes).toHaveLength(raw.tree.size);
    expect(tree!.nodes).toHaveLength(countRawNodes(raw.tree.tree));
    expect(tree!.stats.size).toBe(raw.tree.size);
    expect(tree!.stats.maxDepth + 1).toBe(raw.tree.max_length);
    expectWellFormed(tree!.nodes);
    expect(tree!.query).toBe(ag.query);
    expect(tree!.externalId).toBe(/^(\d+)_/.exec(rel.split("/").pop()!)![1]);
    expect(tree!.group).toBe(`G${/G([123])_answer/.exec(rel)![1]}`);
    expect(tree!.validData).toBe(ag.valid_data);
    expect(tree!.finishType).toBe(ag.finish_type);
    expect(tree!.finalAnswerRaw).toBe(ag.final_answer);
    expect(tree!.queryCount).toBe(ag.query_count);
    expect(tree!.totalTokens).toBe(ag.total_tokens);
    expect(tree!.methodLabel).toBe("DFS_woFilter_w2");
    expect(tree!.method).toBe("dfsdt");
    expect(tree!.model).toBe("ChatGPT");
    expect(tree!.functions).toEqual(ag.function);

    if (!ag.valid_data) {
      expect(tree!.chosenNodeIdx).toBeNull();
      return;
    }
    const leaf = tree!.nodes[tree!.chosenNodeIdx!]!;
    const exported = ag.train_messages[ag.train_messages.length - 1];
    // the chosen path makes exactly the calls of the conversation ToolBench exported
    expect(pathCalls(tree!, leaf.idx)).toEqual(conversationCalls(exported));
    if (ag.finish_type === "give_answer") {
      expect(leaf.observationCode).toBe(3);
      expect(leaf.text).toBe(ag.final_answer);
      expect(tree!.finalAnswer).toBe(JSON.parse(ag.final_answer).final_answer);
    } else {
      expect(ag.finish_type).toBe("give_up");
      expect(leaf.observationCode).toBe(4);
      expect(leaf.pruned).toBe(true);
      expect(tree!.finalAnswer).toBeNull();
      // and its thoughts are the exported assistant contents, in order
      const thoughts = pathToNode(tree!.nodes, leaf.idx).filter((n) => n.type === "Thought").map((n) => n.text);
      const contents = exported.filter((m: any) => m.role === "assistant" && m.content).map((m: any) => m.content);
      expect(thoughts).toEqual(contents);
    }
  });

  it("keeps observation codes, flags and visit order as written", () => {
    const rel = dfsFiles.find((f) => f.endsWith("G1_answer/57_ChatGPT_DFS_woFilter_w2.json"))!;
    const [tree] = (parseToolBenchFile(readDataset(rel), rel) as { trees: ParsedTree[] }).trees;
    const raw = JSON.parse(readDataset(rel));
    const rawPreorder: any[] = [];
    const walk = (n: any) => {
      rawPreorder.push(n);
      n.children.forEach(walk);
    };
    walk(raw.tree.tree);
    tree!.nodes.forEach((n, i) => {
      const r = rawPreorder[i];
      expect(n.type).toBe(r.node_type === "Action Input" ? "ActionInput" : r.node_type);
      expect(n.text).toBe(r.description);
      expect(n.observation).toBe(r.observation);
      expect(n.observationCode).toBe(r.observation_code);
      expect([n.pruned, n.finished, n.expandNum]).toEqual([r.pruned, r.finished, r.expand_num]);
    });
    expect(tree!.stats).toMatchObject({ apiErrorCount: 1, giveUpCount: 1, hallucinatedCount: 0 });
  });
});

describe("CoT answer files", () => {
  const cotFiles = files.filter((f) => expectedKind(f) === "cot_answer");
  it.each(cotFiles)("%s: tries become branches under one root", (rel) => {
    const raw = JSON.parse(readDataset(rel));
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "cot_answer") throw new Error("wrong kind");
    const [tree] = parsed.trees;
    const chainNodes = raw.trys.reduce((s: number, t: any) => s + t.chain.length, 0);
    expect(tree!.nodes).toHaveLength(1 + chainNodes);
    expectWellFormed(tree!.nodes);
    expect(tree!.nodes[0]!.childCount).toBe(raw.trys.filter((t: any) => t.chain.length > 0).length);
    expect(tree!.methodLabel).toBe(`CoT@${raw.forward_args.pass_at}`);
    expect(tree!.method).toBe("react");
    expect(tree!.model).toBe("virtual_chatgpt_cot");
    expect(tree!.validData).toBe(raw.answer_generation.valid_data);
    if (raw.answer_generation.valid_data) {
      const exported = raw.answer_generation.train_messages[raw.answer_generation.train_messages.length - 1];
      expect(pathCalls(tree!, tree!.chosenNodeIdx!)).toEqual(conversationCalls(exported));
      expect(tree!.finishType).toBe("give_answer");
      expect(tree!.finalAnswer).toBe(JSON.parse(raw.answer_generation.final_answer).final_answer);
    } else {
      expect(tree!.chosenNodeIdx).toBeNull();
      expect(tree!.finalAnswer).toBeNull();
    }
  });
});

describe("ToolEval converted answers", () => {
  const converted = files.filter((f) => expectedKind(f) === "tooleval_converted");
  it.each(converted)("%s: one truncated tree per query id", (rel) => {
    const raw = JSON.parse(readDataset(rel)) as Record<string, any>;
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "tooleval_converted") throw new Error("wrong kind");
    expect(parsed.trees.map((t) => t.externalId)).toEqual(Object.keys(raw));
    for (const tree of parsed.trees) {
      const entry = raw[tree.externalId!];
      let tools = 0;
      let thoughts = 0;
      const walk = (d: any) => {
        if (d.role === "tool") tools++;
        if (d.role === "assistant") thoughts++;
        (d.next ?? []).forEach(walk);
      };
      entry.answer.answer_details.forEach(walk);
      expect(tree.nodes).toHaveLength(1 + 2 * tools + thoughts);
      expect(tree.query).toBe(entry.query);
      expect(tree.truncated).toBe(true);
      expect(tree.methodLabel).toBe(entry.answer.method);
      expect(tree.finalAnswerRaw).toBe(entry.answer.final_answer);
      const gaveAnswer = /"return_type":\s*"give_answer"/.test(entry.answer.final_answer);
      expect(tree.validData).toBe(gaveAnswer);
      if (gaveAnswer) expect(tree.nodes[tree.chosenNodeIdx!]!.functionName).toBe("Finish");
      // every tool step names its function
      for (const n of tree.nodes.filter((x) => x.type === "Action")) expect(n.text).toMatch(/^[\w^]+$/);
    }
  });
});

describe("catalog side files", () => {
  it.each(files.filter((f) => expectedKind(f) === "response_examples"))("%s: one schema per api_list entry", (rel) => {
    const raw = JSON.parse(readDataset(rel));
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "response_examples") throw new Error("wrong kind");
    expect(parsed.schemas).toEqual(raw.api_list.map((a: any) => ({ api: a.name, schema: a.schema })));
    const parts = rel.split("/");
    expect(parsed.category).toBe(parts[parts.length - 2]);
    expect(parsed.toolStandardizedName).toBe(parts[parts.length - 1]!.replace(/\.json$/, ""));
  });

  it.each(files.filter((f) => expectedKind(f) === "query_ids"))("%s: every query id", (rel) => {
    const raw = JSON.parse(readDataset(rel));
    const parsed = parseToolBenchFile(readDataset(rel), rel);
    if (parsed.kind !== "query_ids") throw new Error("wrong kind");
    expect(parsed.queryIds).toEqual(Object.keys(raw));
    expect(parsed.setName).toBe(rel.split("/").pop()!.replace(/\.json$/, ""));
  });
});
