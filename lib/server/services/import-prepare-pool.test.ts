import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareFile } from "@/lib/core/import/prepare";
import { datasetsDir, readDataset } from "@/lib/test/datasets";
import { acquirePreparePool, PreparePool, releasePreparePool, stopPreparePool } from "./import-prepare-pool";
import { prepareFromDisk, sha256 } from "./import-prepare-worker";

const file = (rel: string) => ({ absolutePath: path.join(datasetsDir(), rel), displayPath: rel });
const FILES = [
  "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json",
  "toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json",
  "stabletoolbench/answer/virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json",
  "toolbench/instruction/G1_query.json",
].map(file);
const NOW = "2026-01-01T00:00:00.000Z";

let pool: PreparePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("PreparePool", () => {
  it("prepares files on a worker thread exactly as on this one", async () => {
    pool = new PreparePool(1);
    const results = await Promise.all(FILES.map((f) => pool!.prepare(f, NOW)));
    expect(pool.workerCount()).toBe(1); // the worker ran them (it would have been retired on failure)
    expect(results).toEqual(FILES.map((f) => prepareFromDisk({ ...f, now: NOW })));
  });

  it("finishes on this thread when its worker dies", async () => {
    pool = new PreparePool(1);
    const first = pool.prepare(FILES[0]!, NOW);
    await pool.killWorkersForTest();
    const rest = FILES.slice(1).map((f) => pool!.prepare(f, NOW));
    const all = await Promise.all([first, ...rest]);
    expect(pool.workerCount()).toBe(0);
    expect(all).toEqual(FILES.map((f) => prepareFromDisk({ ...f, now: NOW })));
  });

  it("is shared by a process's imports, and replaced once its threads have died", async () => {
    try {
      const first = acquirePreparePool();
      const second = acquirePreparePool(); // two imports at once
      expect(second).toBe(first);
      releasePreparePool(first);
      releasePreparePool(second);
      const later = acquirePreparePool(); // the next import: the same threads, already started
      expect(later).toBe(first);
      expect(later.workerCount()).toBe(later.size);
      expect(await later.prepare(FILES[0]!, NOW)).toEqual(prepareFromDisk({ ...FILES[0]!, now: NOW }));
      await later.killWorkersForTest();
      for (let i = 0; i < 100 && later.workerCount() > 0; i++) await new Promise((r) => setTimeout(r, 20)); // until their exit is reported
      expect(later.workerCount()).toBe(0);
      releasePreparePool(later);
      const fresh = acquirePreparePool(); // threads died: a new pool, not this thread
      expect(fresh).not.toBe(later);
      expect(fresh.workerCount()).toBe(fresh.size);
      releasePreparePool(fresh);
    } finally {
      await stopPreparePool();
    }
  });

  it("reports a missing file as an error result", async () => {
    pool = new PreparePool(1);
    const r = await pool.prepare({ absolutePath: "/no/such/file.json", displayPath: "file.json" }, NOW);
    expect(r).toEqual({ kind: "error", message: "cannot read the file: ENOENT" });
  });
});

describe("prepareFromDisk", () => {
  it("gives what preparing the file's UTF-8 text gives, for ASCII files and others", () => {
    const rel = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
    const ascii = readDataset(rel);
    const other = ascii.replace(/"query": "/, '"query": "Café 東京 — 🚀 ');
    expect(other).not.toBe(ascii);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-prepare-"));
    try {
      for (const [name, text] of [["ascii.json", ascii], ["other.json", other]] as const) {
        const absolutePath = path.join(dir, name);
        fs.writeFileSync(absolutePath, text, "utf8");
        const fromDisk = prepareFromDisk({ absolutePath, displayPath: rel, now: NOW });
        expect(fromDisk).toEqual(prepareFile(text, rel, sha256, NOW));
        if (fromDisk.kind !== "trees") throw new Error(fromDisk.kind);
        expect(fromDisk.trees[0]!.query.startsWith(name === "other.json" ? "Café 東京 — 🚀 " : "")).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
