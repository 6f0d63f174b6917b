// Exports of real imported trees: every DFSDT answer file's train_messages come back exactly, its
// answer file re-imports to the same tree, every format writes what the whole trees give, snapshots
// are recorded with a content hash, and bad input, a cancel or a dead process leaves no snapshot or
// file behind.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/core/errors";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import type { ParsedTree } from "@/lib/core/toolbench/types";
import { pool } from "@/lib/server/db/pool";
import { datasetFiles, datasetsDir, readDataset } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { zipEntries } from "@/lib/test/zip-entries";
import { linesOf, parquetRow, type LineFormat } from "@/lib/core/export/formats";
import { writeJsonlPart, type JsonlPart } from "@/lib/server/export/jsonl-batch";
import { JsonlWorkers } from "@/lib/server/export/jsonl-workers";
import { loadExportTrees, OUTLINE_FROM_NODES_SQL } from "@/lib/server/repositories/export-trees";
import { createRunningRun, requestRunCancel } from "@/lib/server/repositories/runs";
import { expandInputs, importFiles } from "./import-files";
import { executeQueuedExport, runExportNow } from "./export-execution";
import { exportsDir, listExports, openExportFile, queueExport } from "./exports";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw answer-file JSON */

const DFS_FILES = datasetFiles("toolbench/answer").filter((f) => /G\d_answer\/[^/]*_DFS_woFilter_w2\.json$/.test(f));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-export-test-"));
let db: TestDatabase;
/** tree id by dataset file */
const treeIds = new Map<string, number>();

beforeAll(async () => {
  process.env.ARBOR_DATA_DIR = dataDir;
  db = await createTestDatabase();
  const inputs = ["toolbench/answer/G1_answer", "toolbench/answer/G2_answer", "toolbench/instruction/G1_query.json"].map((rel) => path.join(datasetsDir(), rel));
  const summary = await importFiles(expandInputs(inputs).files);
  expect(summary.errors).toEqual([]);
  const rows = (await pool().query<{ id: number; sourceFile: string }>(`select id, "sourceFile" from "Tree"`)).rows;
  for (const rel of DFS_FILES) treeIds.set(rel, rows.find((r) => rel.endsWith(r.sourceFile))!.id);
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const filesIn = () => (fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()) : []);

describe("export fidelity on real DFSDT answer files", () => {
  it("train_messages: each tree's line is its file's own train_messages", async () => {
    const result = await runExportNow({ format: "train_messages", query: "" });
    expect(result.trees).toBe(treeIds.size);
    const lines = fs.readFileSync(result.path, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    const byTree = new Map(lines.map((l) => [l.id as number, l]));
    for (const rel of DFS_FILES) {
      const raw = JSON.parse(readDataset(rel)) as any;
      const line = byTree.get(treeIds.get(rel)!);
      if (raw.answer_generation.train_messages === undefined) expect(line, rel).toBeUndefined();
      else expect(line?.train_messages, rel).toEqual(raw.answer_generation.train_messages);
    }
  });

  it("ToolBench answer files: each re-imports as the same tree (nodes, texts, flags)", async () => {
    const result = await runExportNow({ format: "toolbench_answers", query: "" });
    const entries = zipEntries(fs.readFileSync(result.path));
    expect(entries.size).toBe(DFS_FILES.length);
    for (const rel of DFS_FILES) {
      const original = parseToolBenchFile(readDataset(rel), rel) as { trees: ParsedTree[] };
      const name = `${rel.split("/").at(-2)}/${rel.split("/").at(-1)}`;
      const entry = entries.get(name);
      expect(entry, name).toBeDefined();
      const back = parseToolBenchFile(entry!.toString("utf8"), name) as { kind: string; trees: ParsedTree[] };
      expect(back.kind).toBe("dfs_answer");
      expect(back.trees[0]!.nodes, rel).toEqual(original.trees[0]!.nodes);
      const { nodes: _a, ...tree } = back.trees[0]!;
      const { nodes: _b, ...expected } = original.trees[0]!;
      expect(tree, rel).toEqual(expected);
    }
    // imported again, the exported files make trees identical to the ones they came from
    const folder = fs.mkdtempSync(path.join(dataDir, "reimport-"));
    for (const [name, data] of entries) {
      fs.mkdirSync(path.join(folder, path.dirname(name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), data);
    }
    const before = new Set((await pool().query<{ id: number }>(`select id from "Tree"`)).rows.map((r) => r.id));
    const again = await importFiles(expandInputs([folder], { relativeTo: folder }).files);
    expect(again.errors).toEqual([]);
    const added = (await pool().query<{ id: number; sourceFile: string }>(`select id, "sourceFile" from "Tree"`)).rows.filter((r) => !before.has(r.id));
    expect(added).toHaveLength(DFS_FILES.length);
    for (const rel of DFS_FILES) {
      const copy = added.find((r) => rel.endsWith(r.sourceFile))!;
      expect(copy, rel).toBeDefined();
      const [original, reimported] = await loadExportTrees(pool(), [treeIds.get(rel)!, copy.id]);
      expect(reimported!.nodes, rel).toEqual(original!.nodes);
      const { id: _a, nodes: _n1, ...rest } = reimported!;
      const { id: _b, nodes: _n2, ...expected } = original!;
      expect(rest, rel).toEqual(expected);
    }
    await pool().query(`delete from "Tree" where id = any($1::int[])`, [added.map((r) => r.id)]);
  });
});

describe("every format", () => {
  it("reads each tree's shape from the outline stored with it, the one its nodes give", async () => {
    const { rows } = await pool().query<{ outline: string | null; built: string | null }>(`select t.outline, ${OUTLINE_FROM_NODES_SQL} as built from "Tree" t order by t.id`);
    expect(rows.length).toBe(treeIds.size);
    for (const r of rows) expect(r.outline).toBe(r.built ?? "");
  });

  it("writes, byte for byte, what the whole trees give (an export reads only the nodes a format needs)", async () => {
    const ids = (await pool().query<{ id: number }>(`select id from "Tree" order by id`)).rows.map((r) => r.id);
    const trees = await loadExportTrees(pool(), ids);
    expect(trees.length).toBe(treeIds.size);
    for (const format of ["train_messages", "toolllama", "openai", "sharegpt", "retriever", "dpo"] satisfies LineFormat[]) {
      const result = await runExportNow({ format, query: "" });
      const expected = trees.flatMap((t) => linesOf(format, t).map((l) => `${l}\n`)).join("");
      expect(fs.readFileSync(result.path, "utf8"), format).toBe(expected);
      expect(result.records, format).toBe(trees.flatMap((t) => linesOf(format, t)).length);
    }
    const result = await runExportNow({ format: "parquet", query: "" });
    const { parquetReadObjects } = await import("hyparquet");
    const buf = fs.readFileSync(result.path);
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) });
    expect(rows).toEqual(trees.map(parquetRow));
  });
});

describe("export worker threads", () => {
  it("serve two exports at once, each writing its own file", async () => {
    const ids = (await pool().query<{ id: number }>(`select id from "Tree" order by id`)).rows.map((r) => r.id);
    const trees = await loadExportTrees(pool(), ids);
    const expected = (format: LineFormat) => trees.flatMap((t) => linesOf(format, t).map((l) => `${l}\n`)).join("");
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([runExportNow({ format: "toolllama", query: "" }), runExportNow({ format: "dpo", query: "" })]);
      expect(fs.readFileSync(a.path, "utf8"), `round ${round}`).toBe(expected("toolllama"));
      expect(fs.readFileSync(b.path, "utf8"), `round ${round}`).toBe(expected("dpo"));
    }
  });

  it("write parts as this thread does, and when they die, their parts are written here instead", async () => {
    const ids = (await pool().query<{ id: number }>(`select id from "Tree" order by id`)).rows.map((r) => r.id);
    const parts = [ids.slice(0, 7), ids.slice(7, 20), ids.slice(20)];
    const workers = new JsonlWorkers(2);
    try {
      expect(workers.size).toBe(2);
      for (const format of ["toolllama", "dpo"] satisfies LineFormat[]) {
        const here = await Promise.all(parts.map((p) => writeJsonlPart(pool(), format, p)));
        const text = (ps: JsonlPart[]) => ps.map((p) => Buffer.concat(p.chunks).toString("utf8"));
        expect(text(await Promise.all(parts.map((p) => workers.write(format, p)))), format).toEqual(text(here));
        // parts sent, then the threads die before answering
        const pending = parts.map((p) => workers.write(format, p));
        await workers.killWorkersForTest();
        expect(text(await Promise.all(pending)), `${format}, threads gone`).toEqual(text(here));
      }
      expect(workers.size).toBe(0);
    } finally {
      await workers.close();
    }
  });
});

describe("snapshots", () => {
  it("are recorded with filter, format, count and content hash, and can be opened again", async () => {
    const result = await runExportNow({ format: "openai", query: "group=G2" });
    const bytes = fs.readFileSync(result.path);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(result.contentHash);
    const lines = bytes.toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.length).toBe(result.records);
    for (const l of lines) {
      expect(l.tools.length).toBeGreaterThan(0);
      expect(l.messages.some((m: any) => m.tool_calls)).toBe(true);
    }
    const listed = (await listExports()).find((e) => e.id === result.exportId)!;
    expect(listed).toMatchObject({ format: "openai", count: result.records, bytes: bytes.length, contentHash: result.contentHash });
    expect(listed.fileName).toBe(`arbor-export-${result.exportId}-openai.jsonl`);
    expect((listed.filter as any).group).toBe("G2");
    const opened = await openExportFile(result.exportId);
    expect(opened.size).toBe(bytes.length);
    opened.stream.destroy();
  });

  it("parquet and the other line formats write files", async () => {
    for (const format of ["parquet", "toolllama", "sharegpt", "retriever", "dpo"] as const) {
      const result = await runExportNow({ format, query: "" });
      expect(result.bytes, format).toBeGreaterThan(0);
      if (format === "parquet") {
        const buf = fs.readFileSync(result.path);
        expect(buf.subarray(0, 4).toString()).toBe("PAR1");
        expect(buf.subarray(buf.length - 4).toString()).toBe("PAR1");
        const { parquetMetadata } = await import("hyparquet");
        const meta = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
        expect(Number(meta.num_rows)).toBe(result.trees);
        expect(result.trees).toBe(treeIds.size);
      }
    }
  });

  it("a queued export is run by a worker: one claim wins, and the snapshot names its run", async () => {
    const runId = await queueExport({ format: "sharegpt", query: "group=G1" });
    const [first, second] = await Promise.all([executeQueuedExport(runId, "worker-a"), executeQueuedExport(runId, "worker-b")]);
    const result = (first ?? second)!;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(result).toMatchObject({ runId, format: "sharegpt" });
    const run = (await pool().query<{ status: string; progressDone: number; progressTotal: number }>(`select status::text, "progressDone", "progressTotal" from "Run" where id = $1`, [runId])).rows[0]!;
    expect(run).toEqual({ status: "succeeded", progressDone: result.trees, progressTotal: result.trees });
    expect((await listExports()).find((e) => e.id === result.exportId)).toMatchObject({ runId, format: "sharegpt" });
  });

  it("bad input is refused and leaves no snapshot or file", async () => {
    const before = { files: filesIn().length, exports: (await listExports()).length };
    await expect(runExportNow({ format: "csv", query: "" })).rejects.toThrow(InvalidInputError);
    await expect(runExportNow({ format: "openai", query: "group=G3" })).rejects.toThrow(/No tree matches/);
    await expect(queueExport({ format: "openai", query: "group=G3" })).rejects.toThrow(/No tree matches/);
    await expect(runExportNow({ format: "openai", query: "status=maybe" })).rejects.toThrow(/Invalid filter/);
    expect(filesIn().length).toBe(before.files);
    expect((await listExports()).length).toBe(before.exports);
  });
});

describe("cancel and crash leftovers", () => {
  const runStatus = async (id: number) => (await pool().query<{ status: string }>(`select status::text from "Run" where id = $1`, [id])).rows[0]?.status;
  const snapshotsOf = async (runId: number) => (await pool().query(`select 1 from "Export" where "runId" = $1`, [runId])).rowCount;

  it("a running export cancelled between batches ends cancelled, leaving no snapshot and no file", async () => {
    const before = filesIn().sort();
    let runId: number | undefined;
    let batches = 0;
    const run = runExportNow({ format: "train_messages", query: "" }, async () => {
      batches++;
      // the running export is this test's: the only export run still running
      runId ??= (await pool().query<{ id: number }>(`select id from "Run" where kind = 'export' and status = 'running' order by id desc limit 1`)).rows[0]!.id;
      expect(await requestRunCancel(runId)).toBe(true);
      // mid-export, the file being written is there under its temporary name
      expect(filesIn().some((f) => f.startsWith(`.run-${runId}-`) && f.endsWith(".part"))).toBe(true);
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(batches).toBe(1);
    expect(await runStatus(runId!)).toBe("cancelled");
    expect(await snapshotsOf(runId!)).toBe(0);
    expect(filesIn().sort()).toEqual(before);
    expect(filesIn().filter((f) => f.includes(`run-${runId}`))).toEqual([]);
  });

  it("the next export marks runs whose process died failed and removes the files no running export writes", async () => {
    const host = os.hostname();
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!; // a process that has ended
    const started = (workerId: string) => createRunningRun({ kind: "export", title: "Export (left behind)", config: { format: "openai", query: "" }, workerId });
    const diedHere = await started(`${host}:${deadPid}`);
    const quietElsewhere = await started("another-machine:41");
    const activeElsewhere = await started("another-machine:42");
    const quietHereAlive = await started(`${host}:${process.ppid}`); // a live process of this machine: running, however quiet
    await pool().query(`update "Run" set "heartbeatAt" = now() - interval '1 hour' where id = any($1::int[])`, [[quietElsewhere, quietHereAlive]]);
    const dir = exportsDir();
    fs.mkdirSync(dir, { recursive: true });
    const kept = filesIn().filter((f) => !f.startsWith("."));
    const leftovers = [`.run-${diedHere}-0a1b2c3d.jsonl.part`, `run-${diedHere}.jsonl`, `.run-${quietElsewhere}-00ff00ff.zip.part`, ".run-987654-12345678.jsonl.part"];
    const live = [`.run-${activeElsewhere}-deadbeef.jsonl.part`, `.run-${quietHereAlive}-cafebabe.parquet.part`, "notes.txt"];
    for (const f of [...leftovers, ...live]) fs.writeFileSync(path.join(dir, f), "partial");

    const result = await runExportNow({ format: "openai", query: "group=G2" });

    expect(await runStatus(diedHere)).toBe("failed");
    expect(await runStatus(quietElsewhere)).toBe("failed");
    expect(await runStatus(activeElsewhere)).toBe("running");
    expect(await runStatus(quietHereAlive)).toBe("running");
    const failed = (await pool().query<{ error: string; finishedAt: Date | null }>(`select error, "finishedAt" from "Run" where id = $1`, [diedHere])).rows[0]!;
    expect(failed.error).toMatch(/stopped before it finished/);
    expect(failed.finishedAt).not.toBeNull();
    const now = filesIn();
    for (const f of leftovers) expect(now, f).not.toContain(f);
    for (const f of [...live, ...kept, path.basename(result.path)]) expect(now, f).toContain(f);

    // once those runs end too, their files go with the next export
    await pool().query(`update "Run" set status = 'failed', "finishedAt" = now() where id = any($1::int[])`, [[activeElsewhere, quietHereAlive]]);
    await runExportNow({ format: "retriever", query: "group=G2" });
    expect(filesIn().filter((f) => f.startsWith("."))).toEqual([]);
    expect(filesIn()).toContain("notes.txt");
    fs.rmSync(path.join(dir, "notes.txt"));
  });
});
