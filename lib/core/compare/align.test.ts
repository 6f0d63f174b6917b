import { describe, expect, it } from "vitest";
import { readDataset } from "../../test/datasets";
import { parseToolBenchFile } from "../toolbench/parse";
import { pathToNode } from "../toolbench/tree-paths";
import type { ParsedNode, ParsedTree } from "../toolbench/types";
import { alignCalls, summarizeAlignment, type AlignableCall } from "./align";
import { argumentsKey, callsOfPath } from "./path-calls";

const call = (functionName: string, args = "{}"): AlignableCall => ({ functionName, argsKey: argumentsKey(args) });
const kinds = (rows: ReturnType<typeof alignCalls>) => rows.map((r) => r.kind);

describe("alignCalls", () => {
  it("pairs identical paths call for call", () => {
    const a = [call("a"), call("b", '{"x": 1}'), call("Finish")];
    expect(kinds(alignCalls(a, a))).toEqual(["same", "same", "same"]);
  });

  it("treats arguments that differ only in spacing or key order as the same call", () => {
    const rows = alignCalls([call("f", '{"a": 1, "b": "x"}')], [call("f", '{"b":"x","a":1}')]);
    expect(kinds(rows)).toEqual(["same"]);
  });

  it("lines up shared calls around calls only one path makes", () => {
    const a = [call("search", '{"q": "x"}'), call("details", '{"id": 1}'), call("Finish")];
    const b = [call("search", '{"q": "x"}'), call("Finish")];
    expect(kinds(alignCalls(a, b))).toEqual(["same", "only_a", "same"]);
    expect(kinds(alignCalls(b, a))).toEqual(["same", "only_b", "same"]);
  });

  it("marks the same function with other arguments, or another function at the same place, as different", () => {
    const rows = alignCalls([call("search", '{"q": "x"}'), call("other"), call("Finish")], [call("search", '{"q": "y"}'), call("third"), call("Finish")]);
    expect(kinds(rows)).toEqual(["different", "different", "same"]);
    expect(summarizeAlignment(rows)).toEqual({ same: 1, different: 2, onlyA: 0, onlyB: 0 });
  });

  it("handles empty paths", () => {
    expect(alignCalls([], [])).toEqual([]);
    expect(kinds(alignCalls([call("a"), call("b")], []))).toEqual(["only_a", "only_a"]);
    expect(kinds(alignCalls([], [call("a")]))).toEqual(["only_b"]);
  });

  it("keeps each side's calls in order", () => {
    const a = ["a", "b", "c", "d", "e"].map((f) => call(f));
    const b = ["x", "b", "d", "y", "e", "z"].map((f) => call(f));
    const rows = alignCalls(a, b);
    expect(rows.flatMap((r) => ("a" in r ? [r.a.functionName] : []))).toEqual(["a", "b", "c", "d", "e"]);
    expect(rows.flatMap((r) => ("b" in r ? [r.b.functionName] : []))).toEqual(["x", "b", "d", "y", "e", "z"]);
    expect(rows.filter((r) => r.kind === "same").map((r) => (r.kind === "same" ? r.a.functionName : ""))).toEqual(["b", "d", "e"]);
  });
});

describe("two real paths of one instruction", () => {
  const rel = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
  const parsed = parseToolBenchFile(readDataset(rel), rel) as { trees: ParsedTree[] };
  const nodes = parsed.trees[0]!.nodes;
  const path = (leaf: number) => pathToNode<ParsedNode>(nodes, leaf).map((n) => ({ ...n, functionName: n.functionName ?? null, observation: n.observation ?? null, observationCode: n.observationCode ?? null }));

  it("read a training path's calls with their keys, thoughts and observations", () => {
    const chosen = callsOfPath(path(parsed.trees[0]!.chosenNodeIdx!), (idx) => (idx === 4 ? 32 : 0));
    expect(chosen.map((c) => c.functionName)).toEqual(["products_for_seo_api", "news_for_seo_api", "search_b_for_seo_api", "Finish"]);
    expect(chosen[0]).toMatchObject({ step: 1, nodeIdx: 2, argsKey: '{"query":"latest iPhone 14"}', observationCode: 0, checks: 0 });
    expect(chosen[1]).toMatchObject({ step: 2, nodeIdx: 4, observationCode: 11, checks: 32 });
    expect(chosen[3]!.observationCode).toBe(3);
  });

  it("align the answer path against an abandoned attempt of the same search", () => {
    // leaf 9 ends the first attempt: the same two calls, then search_for_seo_api and a give-up
    const rows = alignCalls(callsOfPath(path(25)), callsOfPath(path(9)));
    expect(rows.map((r) => [r.kind, "a" in r ? r.a.functionName : null, "b" in r ? r.b.functionName : null])).toEqual([
      ["same", "products_for_seo_api", "products_for_seo_api"],
      ["same", "news_for_seo_api", "news_for_seo_api"],
      ["different", "search_b_for_seo_api", "search_for_seo_api"],
      ["different", "Finish", "Finish"],
    ]);
  });
});
