import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readDataset } from "@/lib/test/datasets";
import { parseToolBenchFile } from "../toolbench/parse";
import type { ParsedTree } from "../toolbench/types";
import { prepareFile } from "./prepare";
import { NODE_COLUMNS, TREE_COLUMNS, stampTreeId, treeRowHead } from "./tree-rows";

const utf8 = new TextDecoder();

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const REL = "G1_answer/57_ChatGPT_DFS_woFilter_w2.json";

describe("prepareFile", () => {
  const text = readDataset("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");
  const prepared = prepareFile(text, REL, sha, "2026-01-01T00:00:00.000Z");
  const parsed = (parseToolBenchFile(text, REL) as { trees: ParsedTree[] }).trees[0]!;

  it("builds one COPY line per node and a full-width tree row", () => {
    if (prepared.kind !== "trees") throw new Error(prepared.kind);
    const [t] = prepared.trees;
    expect(t!.nodeCount).toBe(26);
    const lines = utf8.decode(stampTreeId(t!.nodeRows.slice(), 7)).split("\n").slice(0, -1);
    expect(lines).toHaveLength(26);
    for (const line of lines) {
      const fields = line.split("\t");
      expect(fields).toHaveLength(NODE_COLUMNS.length);
      expect(fields[0]).toBe("0000000007");
    }
    // the fourth node is the first Action Input: its arguments keep their escaped newlines
    expect(lines[2]!.split("\t")[6]).toBe(parsed.nodes[2]!.text.replace(/\n/g, "\\n"));
    const row = (treeRowHead({ id: 7, instructionId: 3, runId: null, group: "G1" }) + utf8.decode(t!.treeTail)).split("\t");
    expect(row).toHaveLength(TREE_COLUMNS.length);
    expect(row.slice(0, 4)).toEqual(["7", "3", "\\N", "G1"]);
    expect(row[TREE_COLUMNS.indexOf("contentHash")]).toBe(t!.contentHash);
    expect(row[TREE_COLUMNS.indexOf("size")]).toBe("26");
    // the per-step checks: node 4's call got an API error (code 11), and the tree says so too
    expect(lines.map((l) => l.split("\t")[NODE_COLUMNS.indexOf("checks")])).toEqual(lines.map((_, i) => (i === 4 ? "32" : "0")));
    expect(row[TREE_COLUMNS.indexOf("checkFlags")]).toBe("32\n");
  });

  it("identifies a tree by file content, group and query id", () => {
    if (prepared.kind !== "trees") throw new Error(prepared.kind);
    const again = prepareFile(text, REL, sha, "later");
    const renamed = prepareFile(text, "G1_answer/58_ChatGPT_DFS_woFilter_w2.json", sha, "later");
    if (again.kind !== "trees" || renamed.kind !== "trees") throw new Error("kind");
    expect(again.trees[0]!.contentHash).toBe(prepared.trees[0]!.contentHash);
    expect(renamed.trees[0]!.contentHash).not.toBe(prepared.trees[0]!.contentHash);
    expect(prepared.trees[0]!.queryHash).toBe(sha(parsed.query.trim()));
  });

  it("reports a bad file instead of throwing", () => {
    expect(prepareFile("{", REL, sha, "x")).toMatchObject({ kind: "error", message: expect.stringMatching(/not valid JSON/) });
  });
});

describe("stampTreeId", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("writes the id over every line's stand-in, whatever the lines hold", () => {
    const rows = bytes("0000000000\ta\tb\n0000000000\tc\\nd — é\te\n");
    expect(utf8.decode(stampTreeId(rows, 12))).toBe("0000000012\ta\tb\n0000000012\tc\\nd — é\te\n");
    // stamping again (a batch retried file by file gets new ids) replaces the old id
    expect(utf8.decode(stampTreeId(rows, 2147483647))).toBe("2147483647\ta\tb\n2147483647\tc\\nd — é\te\n");
    expect(stampTreeId(new Uint8Array(0), 5)).toHaveLength(0);
  });

  it("refuses ids that do not fit the stand-in", () => {
    expect(() => stampTreeId(bytes("0000000000\tx\n"), 10 ** 10)).toThrow(/out of range/);
    expect(() => stampTreeId(bytes("0000000000\tx\n"), -1)).toThrow(/out of range/);
  });
});
