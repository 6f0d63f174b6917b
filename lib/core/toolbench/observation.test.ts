import { describe, expect, it } from "vitest";
import { toPlainValue, type LiteralNode } from "@/lib/core/format/literal";
import { readDataset } from "@/lib/test/datasets";
import { readObservation } from "./observation";
import { parseToolBenchFile } from "./parse";

function observationsOf(rel: string): string[] {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return parsed.trees[0]!.nodes.flatMap((n) => (n.observation === undefined ? [] : [n.observation]));
}

const entry = (node: LiteralNode, key: string) => (node.type === "object" ? node.entries.find((e) => e.key === key)?.value : undefined);

describe("readObservation on real ToolBench observations", () => {
  it("reads a cut observation whose response is a Python dict, as far as it goes", () => {
    const [first] = observationsOf("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");
    expect(first!.length).toBe(1027);
    const view = readObservation(first);
    if (view.kind !== "structured") throw new Error(view.kind);
    expect(view).toMatchObject({ cut: true, error: null, syntax: "json" });
    const response = entry(view.node, "response");
    expect(response).toMatchObject({ type: "string", cut: true, embedded: { type: "object", cut: true } });
    const products = (toPlainValue((response as { embedded: LiteralNode }).embedded) as { products: { asin: string }[] }).products;
    expect(products[0]!.asin).toBe("B0BW8Z3N7R");
    expect(products.length).toBeGreaterThan(1);
  });

  it("reads a response that is JSON inside JSON, and the error field", () => {
    const observations = observationsOf("toolbench/answer/G1_answer/69_ChatGPT_DFS_woFilter_w2.json");
    const auth = readObservation(observations[0]);
    if (auth.kind !== "structured") throw new Error(auth.kind);
    expect(auth).toMatchObject({ cut: false, error: null });
    expect(toPlainValue((entry(auth.node, "response") as { embedded: LiteralNode }).embedded)).toEqual({ status: "401", msg: "Authentication required" });

    const missing = readObservation(observations[1]);
    expect(missing).toMatchObject({ kind: "structured", error: "No such function name: authenticate_authentication_system" });
  });

  it("keeps the short Finish observations as structure", () => {
    const view = readObservation('{"response":"chose to give up and restart"}');
    expect(view).toMatchObject({ kind: "structured", cut: false, error: null });
  });
});

describe("readObservation on other text", () => {
  it("shows text that is not JSON or a Python literal as text", () => {
    expect(readObservation("<html><body>502 Bad Gateway</body></html>")).toEqual({ kind: "text", text: "<html><body>502 Bad Gateway</body></html>" });
    expect(readObservation("Rate limit exceeded")).toEqual({ kind: "text", text: "Rate limit exceeded" });
    expect(readObservation("42")).toEqual({ kind: "text", text: "42" });
  });

  it("says when there is nothing to show", () => {
    expect(readObservation(null)).toEqual({ kind: "empty" });
    expect(readObservation("  ")).toEqual({ kind: "empty" });
  });
});
