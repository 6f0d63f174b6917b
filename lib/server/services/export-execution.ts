// Running exports (workers and the CLI): trees are read in id order, batch by batch, and written as
// they are read, so memory stays flat; the run row carries the progress. The file is written under a
// temporary name and becomes a snapshot only once complete: a failed, cancelled or empty export
// leaves no file and no snapshot. A process that dies mid-export leaves its run marked running and
// its temporary file: the next export to start clears both (cleanUpAbandonedExports).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { EXPORT_FORMAT_INFO } from "@/lib/core/export/format-info";
import { isLineFormat, type LineFormat } from "@/lib/core/export/formats";
import { contentNodes, readsFunctions } from "@/lib/core/export/node-contents";
import { pool } from "../db/pool";
import { HashingFileOut } from "../export/file-out";
import { jsonlWorkers } from "../export/jsonl-workers";
import type { JsonlPart } from "../export/jsonl-batch";
import { createSink, type TreeFormat } from "../export/sinks";
import { env } from "../env";
import {
  countExportTrees,
  failAbandonedExports,
  findExportTreeIds,
  findRecordedExports,
  findRunCreator,
  findRunningExports,
  insertExport,
} from "../repositories/exports";
import { loadExportTrees, loadOutlinedExportTrees } from "../repositories/export-trees";
import type { TreeListQuery } from "../repositories/tree-list";
import { claimRun, createRunningRun, findRun, finishRun, reportRunProgress } from "../repositories/runs";
import { hostOf, isLocalProcessGone } from "./worker-liveness";
import { describeExport, exportRequest, exportsDir, queryFor, type ExportProgress, type ExportResult, type ExportRunConfig } from "./exports";

const BATCH = 600;
const LOAD_PART = 200;
const LINE_PART = 250;
const PROGRESS_INTERVAL_MS = 500;

/** Called after every batch; an export waits for what it returns. */
export type ExportProgressListener = (p: ExportProgress) => void | Promise<void>;

const thisProcess = () => `${os.hostname()}:${process.pid}`;
/** The export runs this process is executing. */
const executing = new Set<number>();

/** Writes the snapshot file and records it; the run row carries the progress. */
async function execute(runId: number, config: ExportRunConfig, createdById: number | null, onProgress?: ExportProgressListener): Promise<ExportResult> {
  executing.add(runId);
  try {
    return await write(runId, config, createdById, onProgress);
  } finally {
    executing.delete(runId);
  }
}

async function write(runId: number, config: ExportRunConfig, createdById: number | null, onProgress?: ExportProgressListener): Promise<ExportResult> {
  const r = exportRequest(config);
  // JSONL formats: the export threads start now, while the filter is counted (a first export waits less for them)
  if (isLineFormat(r.format)) jsonlWorkers();
  const q = await queryFor(r.filter);
  const total = await countExportTrees(q);
  if (total === 0) throw new InvalidInputError("No tree matches this filter: nothing to export");
  const dir = exportsDir();
  await fs.promises.mkdir(dir, { recursive: true });
  await cleanUpAbandonedExports().catch(() => undefined); // best effort: leftovers must not stop an export
  const ext = EXPORT_FORMAT_INFO[r.format].extension;
  const tmp = path.join(dir, `.run-${runId}-${randomBytes(4).toString("hex")}.${ext}.part`);
  const out = new HashingFileOut(tmp);
  let done = 0;
  let records = 0;
  let lastReport = 0;
  try {
    await reportRunProgress(runId, { done: 0, total, failed: 0, label: "trees", message: `Exporting ${total} trees` });
    const format = r.format;
    const steps = isLineFormat(format) ? lineSteps(q, format, out) : treeSteps(q, format, out);
    for await (const step of steps) {
      records += step.records;
      done += step.trees;
      const listened = onProgress?.({ done, total: Math.max(total, done), records });
      if (listened) await listened;
      if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = Date.now();
        const control = await reportRunProgress(runId, { done, total: Math.max(total, done), failed: 0, label: "trees", message: `${records} records written` });
        if (control.cancelRequested) throw new ExportCancelled();
      }
    }
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

interface ExportStep {
  /** trees read (a tree deleted since its id was read counts too) */
  trees: number;
  records: number;
}

/**
 * Zip and Parquet: batches of whole trees, read on this thread and added to the format's writer
 * (finished after the last batch). The next batch is read while this one is written, each as a few
 * parts at once, so several database sessions share the work.
 */
async function* treeSteps(q: TreeListQuery, format: TreeFormat, out: HashingFileOut): AsyncGenerator<ExportStep> {
  const sink = createSink(format, out);
  // Parquet reads only some nodes in full (the training path and what it quotes): the others come as outlines.
  const load = format === "toolbench_answers" ? (ids: number[]) => loadExportTrees(pool(), ids) : (ids: number[]) => loadOutlinedExportTrees(pool(), ids, (tree) => contentNodes(format, tree), { functions: readsFunctions(format) });
  const readBatch = async (after: number) => {
    const ids = await findExportTreeIds(q, after, BATCH);
    if (ids.length === 0) return undefined;
    const parts: number[][] = [];
    for (let i = 0; i < ids.length; i += LOAD_PART) parts.push(ids.slice(i, i + LOAD_PART));
    const trees = (await Promise.all(parts.map(load))).flat();
    return { last: ids[ids.length - 1]!, count: ids.length, trees };
  };
  let next = readBatch(0);
  try {
    for (;;) {
      const batch = await next;
      if (!batch) break;
      next = readBatch(batch.last);
      next.catch(() => undefined); // awaited on the next turn; a failure there is reported then
      yield { trees: batch.count, records: await sink.add(batch.trees) };
    }
    await sink.finish();
  } finally {
    await next.catch(() => undefined);
  }
}

/**
 * JSONL formats: parts of LINE_PART trees, each read and written as lines by an export worker thread
 * (jsonl-workers.ts), several parts at once; this thread pages the ids and writes the parts' bytes
 * to the file in id order.
 */
async function* lineSteps(q: TreeListQuery, format: LineFormat, out: HashingFileOut): AsyncGenerator<ExportStep> {
  const workers = jsonlWorkers();
  const ahead = Math.max(2, workers.size * 2);
  const inFlight: { trees: number; part: Promise<JsonlPart> }[] = [];
  let after = 0;
  let more = true;
  try {
    for (;;) {
      while (more && inFlight.length < ahead) {
        const want = (ahead - inFlight.length) * LINE_PART;
        const ids = await findExportTreeIds(q, after, want);
        if (ids.length < want) more = false;
        if (ids.length === 0) break;
        after = ids[ids.length - 1]!;
        for (let i = 0; i < ids.length; i += LINE_PART) {
          const slice = ids.slice(i, i + LINE_PART);
          const part = workers.write(format, slice);
          part.catch(() => undefined); // awaited in turn; a failure is reported then
          inFlight.push({ trees: slice.length, part });
        }
      }
      const next = inFlight.shift();
      if (!next) return;
      const part = await next.part;
      for (const chunk of part.chunks) await out.write(chunk);
      workers.giveBack(part); // written: the buffers are free
      yield { trees: next.trees, records: part.records };
    }
  } finally {
    workers.release();
  }
}

class ExportCancelled extends Error {
  constructor() {
    super("The export was cancelled");
  }
}

/** `arbor export`: runs now, in this process, recorded as a run and a snapshot. */
export async function runExportNow(input: unknown, onProgress?: ExportProgressListener): Promise<ExportResult> {
  const r = exportRequest(input);
  const runId = await createRunningRun({ kind: "export", title: `Export ${describeExport(r)}`.slice(0, 200), config: { format: r.format, query: r.query }, workerId: thisProcess() });
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

const TEMPORARY_FILE = /^\.run-(\d+)-[0-9a-f]+\.[a-z]+\.part$/;
const SNAPSHOT_FILE = /^run-(\d+)\.[a-z]+$/;

const onThisHost = (workerId: string | null) => workerId !== null && hostOf(workerId) === hostOf(thisProcess());

/** Whether the process a worker id ("<host>:<pid>") names is known to be gone. */
function isDeadProcess(workerId: string | null, runId: number): boolean {
  if (workerId === null || !onThisHost(workerId)) return false; // another machine: only its heartbeat tells
  if (workerId === thisProcess()) return !executing.has(runId); // this process's id, but not its run: a pid used again
  return isLocalProcessGone(workerId);
}

/**
 * What exports whose process died (a crash, a kill -9) leave behind. An export cannot resume (its file
 * is written in one pass), so such a run is marked failed: one of this machine whose process is gone
 * at once, one of another machine once its heartbeat (the progress reports) has been quiet for the
 * run item timeout. Then the files no running export is writing go: temporary files, and snapshot
 * files no snapshot row names (the process died between writing and recording one). Every export
 * does this as it starts.
 */
export async function cleanUpAbandonedExports(): Promise<{ failedRuns: number[]; removedFiles: string[] }> {
  const dir = exportsDir();
  // the folder is listed before the runs are read: a file that appears later belongs to a run that is still running
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") names = [];
    else throw e;
  }
  const staleSeconds = env().ARBOR_RUN_ITEM_TIMEOUT_SECONDS;
  const running = await findRunningExports(staleSeconds);
  const dead = running.filter((r) => isDeadProcess(r.workerId, r.id)).map((r) => r.id);
  // a run of this machine whose process is alive is running, however long it has been quiet
  const quiet = running.filter((r) => r.stale && !onThisHost(r.workerId)).map((r) => r.id);
  const failedRuns = await failAbandonedExports(dead, quiet, staleSeconds, "The process running this export stopped before it finished");
  const stillRunning = new Set(running.map((r) => r.id).filter((id) => !failedRuns.includes(id)));
  const runOf = (name: string) => Number((TEMPORARY_FILE.exec(name) ?? SNAPSHOT_FILE.exec(name))?.[1] ?? NaN);
  const candidates = names.filter((n) => Number.isInteger(runOf(n)) && !stillRunning.has(runOf(n)));
  // a snapshot file stays while any snapshot row names its run or its file
  const recorded = candidates.some((n) => SNAPSHOT_FILE.test(n)) ? await findRecordedExports() : { runIds: new Set<number>(), fileNames: new Set<string>() };
  const removedFiles = candidates.filter((n) => TEMPORARY_FILE.test(n) || !(recorded.runIds.has(runOf(n)) || recorded.fileNames.has(n)));
  for (const name of removedFiles) await fs.promises.rm(path.join(dir, name), { force: true });
  return { failedRuns, removedFiles };
}
