import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { datasetsDir } from "@/lib/test/datasets";
import { replayCommand } from "./replay";

const file = (rel: string) => path.join(datasetsDir(), rel);

describe("arbor replay", () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  afterEach(() => {
    log.mockClear();
    error.mockClear();
  });
  const printed = () => log.mock.calls.map((c) => String(c[0])).join("\n");

  it("prints one line per file and exits 0 when every file is reproduced", async () => {
    expect(await replayCommand([file("toolbench/answer/G1_answer")])).toBe(0);
    const lines = printed().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).every((l) => /: equal \(\d+ nodes/.test(l))).toBe(true);
    expect(lines[5]).toBe("5 of 5 files equal");
  });

  it("prints {equal, nodes, diffs} with --json", async () => {
    expect(await replayCommand([file("toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json"), "--json"])).toBe(0);
    expect(JSON.parse(printed())).toEqual({ equal: true, nodes: 19, diffs: [] });
  });

  it("exits 1 and shows the first differences when a file is not reproduced", async () => {
    const data = JSON.parse(fs.readFileSync(file("toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json"), "utf8"));
    data.tree.tree.children[0].children[0].pruned = true;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-replay-"));
    const edited = path.join(dir, "127_ChatGPT_DFS_woFilter_w2.json");
    fs.writeFileSync(edited, JSON.stringify(data));
    try {
      expect(await replayCommand([edited])).toBe(1);
      expect(printed()).toMatch(/: 1 diffs \(19 nodes\): node 2 pruned: expected true, got false$/);
      expect(await replayCommand([path.join(dir, "missing.json")])).toBe(1);
      expect(await replayCommand([])).toBe(2);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/^Usage: arbor replay/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
