// Running exports (workers and the CLI): trees are read in id order, batch by batch, and written as
// they are read, so memory stays flat; the run row carries the progress. The file is written under a
// temporary name and becomes a snapshot only once complete: a failed, cancelled or empty export
// leaves no file and no snapshot.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { EXPORT_FORMAT_INFO } from "@/lib/core/export/format-info";
import { HashingFileOut } from "../export/file-out";
import { createSink } from "../export/sinks";
import { countExportTrees, findExportTreeIds, findRunCreator, insertExport, loadExportTrees } from "../repositories/exports";
import { claimRun, createRunningRun, findRun, finishRun, reportRunProgress } from "../repositories/runs";
import { describeExport, exportRequest, exportsDir, queryFor, type ExportProgress, type ExportResult, type ExportRunConfig } from "./exports";

const BATCH = 600;
const LOAD_PART = 200;
const PROGRESS_INTERVAL_MS = 500;

/** Writes the snapshot file and records it; the run row carries the progress. */
async function execute(runId: number, config: ExportRunConfig, createdById: number | null, onProgress?: (p: ExportProgress) => void): Promise<ExportResult> {
  const r = exportRequest(config);
  const q = await queryFor(r.filter);
  const total = await countExportTrees(q);
  if (total === 0) throw new InvalidInputError("No tree matches this filter: nothing to export");
  const dir = exportsDir();
  await fs.promises.mkdir(dir, { recursive: true });
  const ext = EXPORT_FORMAT_INFO[r.format].extension;
  const tmp = path.join(dir, `.run-${runId}-${randomBytes(4).toString("hex")}.${ext}.part`);
  const out = new HashingFileOut(tmp);
  const sink = createSink(r.format, out);
  let done = 0;
  let records = 0;
  let lastReport = 0;
  try {
    await reportRunProgress(runId, { done: 0, total, failed: 0, label: "trees", message: `Exporting ${total} trees` });
    // The next batch is read while this one is written: the database works while this process serializes.
    // Each batch is loaded as a few parts at once, so several database sessions share the work.
    const readBatch = async (after: number) => {
      const ids = await findExportTreeIds(q, after, BATCH);
      if (ids.length === 0) return undefined;
      const parts: number[][] = [];
      for (let i = 0; i < ids.length; i += LOAD_PART) parts.push(ids.slice(i, i + LOAD_PART));
      const trees = (await Promise.all(parts.map(loadExportTrees))).flat();
      return { last: ids[ids.length - 1]!, count: ids.length, trees };
    };
    for (let next = readBatch(0); ; ) {
      const batch = await next;
      if (!batch) break;
      next = readBatch(batch.last);
      next.catch(() => undefined); // awaited on the next turn; a failure there is reported then
      records += await sink.add(batch.trees);
      done += batch.count;
      onProgress?.({ done, total: Math.max(total, done), records });
      if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = Date.now();
        const control = await reportRunProgress(runId, { done, total: Math.max(total, done), failed: 0, label: "trees", message: `${records} records written` });
        if (control.cancelRequested) {
          await next.catch(() => undefined);
          throw new ExportCancelled();
        }
      }
    }
    await sink.finish();
    if (done === 0) throw new InvalidInputError("No tree matches this filter: nothing to export");
    const { bytes, sha256 } = await out.close();
    const finalPath = path.join(dir, `run-${runId}.${ext}`);
    await fs.promises.rename(tmp, finalPath);
    let exportId: number;
    try {
      exportId = await insertExport({ runId, format: r.format, filter: { query: r.query, ...r.filter }, count: records, bytes, contentHash: sha256, path: path.relative(dir, finalPath), createdById });
    } catch (e) {
      await fs.promises.rm(finalPath, { force: true });
      throw e;
    }
    const result: ExportResult = { exportId, runId, format: r.format, trees: done, records, bytes, contentHash: sha256, path: finalPath };
    await reportRunProgress(runId, { done, total: done, failed: 0, label: "trees" });
    await finishRun(runId, { status: "succeeded", result: { ...result }, message: `Snapshot #${exportId}: ${records} records from ${done} trees` });
    return result;
  } catch (e) {
    await out.discard().catch(() => undefined);
    if (e instanceof ExportCancelled) {
      await finishRun(runId, { status: "cancelled", message: `Cancelled after ${done} trees; nothing was kept` });
    }
    throw e;
  }
}

class ExportCancelled extends Error {
  constructor() {
    super("The export was cancelled");
  }
}

/** `arbor export`: runs now, in this process, recorded as a run and a snapshot. */
export async function runExportNow(input: unknown, onProgress?: (p: ExportProgress) => void): Promise<ExportResult> {
  const r = exportRequest(input);
  const runId = await createRunningRun({ kind: "export", title: `Export ${describeExport(r)}`.slice(0, 200), config: { format: r.format, query: r.query }, workerId: `${os.hostname()}:${process.pid}` });
  try {
    return await execute(runId, { format: r.format, query: r.query }, null, onProgress);
  } catch (err) {
    if (!(err instanceof ExportCancelled)) await finishRun(runId, { status: "failed", error: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
    throw err;
  }
}

/** Worker side: claim the run (one worker wins) and execute it. */
export async function executeQueuedExport(runId: number, workerId: string): Promise<ExportResult | undefined> {
  const run = await findRun(runId);
  if (!run) throw new NotFoundError(`Run ${runId} not found`);
  if (!(await claimRun(runId, workerId))) return undefined;
  try {
    return await execute(runId, run.config as ExportRunConfig, await findRunCreator(runId));
  } catch (err) {
    if (err instanceof ExportCancelled) return undefined;
    await finishRun(runId, { status: "failed", error: err instanceof Error ? err.message : String(err) });
    if (err instanceof InvalidInputError) return undefined; // the run row says why
    throw err;
  }
}

