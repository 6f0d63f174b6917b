import { describe, expect, it } from "vitest";
import { parseExportArgs } from "./export";

describe("arbor export arguments", () => {
  it("exports the approved trees unless told otherwise", () => {
    expect(parseExportArgs(["--format", "openai", "--out", "a.jsonl"])).toEqual({ format: "openai", out: "a.jsonl", query: "status=approved", json: false });
    expect(parseExportArgs(["--format=dpo", "--out=b.jsonl", "--all", "--json"])).toEqual({ format: "dpo", out: "b.jsonl", query: "", json: true });
  });

  it("turns filter flags into a tree list query", () => {
    expect(parseExportArgs(["--format", "parquet", "--out", "c.parquet", "--group", "G1", "--status", "approved", "--valid=yes"])).toMatchObject({ query: "group=G1&status=approved&valid=yes" });
    expect(parseExportArgs(["--format", "openai", "--out", "x", "--query", "method=dfsdt"])).toMatchObject({ query: "method=dfsdt" });
  });

  it("refuses unknown options and mixed filters", () => {
    expect(parseExportArgs(["--format", "openai", "--colour", "red"])).toEqual({ error: "Unknown option: --colour" });
    expect(parseExportArgs(["--query", "group=G1", "--group", "G2"])).toEqual({ error: "Give either --query or filter flags, not both" });
  });
});
