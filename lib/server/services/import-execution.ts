// Running imports (workers and the CLI): every import is recorded as a Run with its progress and
// summary, and honours a cancel request between batches.
import os from "node:os";
import path from "node:path";
import { NotFoundError } from "@/lib/core/errors";
import { claimRun, createRunningRun, findRun, finishRun, reportRunProgress } from "../repositories/runs";
import { expandInputs, importFiles, type ImportProgress, type ImportSummary } from "./import-files";
import type { ImportRunConfig } from "./import-runs";

export interface ImportRunResult {
  runId: number;
  summary: ImportSummary;
  cancelled: boolean;
}

const PROGRESS_INTERVAL_MS = 500;

async function execute(runId: number, config: ImportRunConfig, onProgress?: (p: ImportProgress) => void): Promise<ImportRunResult> {
  const { files, missing } = config.uploadDir
    ? expandInputs([config.uploadDir], { relativeTo: config.uploadDir })
    : expandInputs(config.paths ?? []);
  let lastReport = 0;
  let cancelled = false;
  const summary = await importFiles(files, {
    runId,
    onProgress: async (p) => {
      onProgress?.(p);
      const now = Date.now();
      if (now - lastReport < PROGRESS_INTERVAL_MS && p.filesDone < p.filesTotal) return;
      lastReport = now;
      const r = await reportRunProgress(runId, {
        done: p.filesDone,
        total: p.filesTotal,
        failed: p.summary.errors.length,
        label: "files",
        message: p.currentFile ? `Importing ${p.currentFile}` : "Linking instructions to the catalog",
        result: { ...p.summary, errors: p.summary.errors.slice(0, 200) },
      });
      if (r.cancelRequested) cancelled = true;
      return cancelled;
    },
  });
  for (const m of missing) summary.errors.unshift({ file: m, message: "no such file or folder" });
  const allFailed = summary.errors.length > 0 && summary.errors.length >= summary.files + missing.length;
  await finishRun(runId, {
    status: cancelled ? "cancelled" : allFailed ? "failed" : "succeeded",
    result: { ...summary },
    error: allFailed ? "No file could be imported" : undefined,
    message: importMessage(summary, cancelled),
  });
  return { runId, summary, cancelled };
}

export function importMessage(s: ImportSummary, cancelled = false): string {
  const parts = [
    `${s.files} files`,
    `${s.instructions} new instructions`,
    `${s.trees} new trees (${s.nodes} nodes)`,
    `${s.apis} new APIs`,
  ];
  if (s.duplicateTrees) parts.push(`${s.duplicateTrees} trees already present`);
  if (s.errors.length) parts.push(`${s.errors.length} files failed`);
  return `${cancelled ? "Cancelled after " : ""}${parts.join(", ")}`;
}

/** `arbor import`: runs now, in this process, recorded as a run. */
export async function runImportNow(paths: string[], onProgress?: (p: ImportProgress) => void): Promise<ImportRunResult> {
  const runId = await createRunningRun({
    kind: "import",
    title: `Import ${paths.map((p) => path.basename(path.resolve(p))).join(", ")}`.slice(0, 200),
    config: { paths: paths.map((p) => path.resolve(p)) },
    workerId: `${os.hostname()}:${process.pid}`,
  });
  try {
    return await execute(runId, { paths: paths.map((p) => path.resolve(p)) }, onProgress);
  } catch (err) {
    await finishRun(runId, { status: "failed", error: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
    throw err;
  }
}

/** Worker side: claim the run (one worker wins) and execute it. */
export async function executeQueuedImport(runId: number, workerId: string): Promise<ImportRunResult | undefined> {
  const run = await findRun(runId);
  if (!run) throw new NotFoundError(`Run ${runId} not found`);
  if (!(await claimRun(runId, workerId))) return undefined; // cancelled, or another worker has it
  try {
    return await execute(runId, run.config as ImportRunConfig);
  } catch (err) {
    await finishRun(runId, { status: "failed", error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
