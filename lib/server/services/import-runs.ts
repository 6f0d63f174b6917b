// Imports as runs: every import — from the command line or the Import page — is recorded as a Run
// with its progress and summary. Page imports are queued for a worker; the CLI runs in-process.
import os from "node:os";
import path from "node:path";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { env } from "../env";
import { claimRun, createQueuedRun, createRunningRun, findRun, finishRun, listRuns, reportRunProgress, requestRunCancel, type RunView } from "../repositories/runs";
import { expandInputs, importFiles, type ImportProgress, type ImportSummary } from "./import-files";

export const IMPORT_TASK = "import_files";

export interface ImportRunConfig {
  /** server-side files or folders */
  paths?: string[];
  /** a folder of uploaded files, named by their paths inside it */
  uploadDir?: string;
}

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

/** The Import page: queue an import of server-side paths or uploaded files for a worker. */
export async function queueImport(config: ImportRunConfig, title: string, createdById?: number): Promise<number> {
  if (!config.uploadDir && (!config.paths || config.paths.length === 0)) throw new InvalidInputError("Nothing to import: give a file or folder path, or upload files");
  if (config.paths) {
    const { files, missing } = expandInputs(config.paths);
    if (missing.length) throw new InvalidInputError(`No such file or folder on the server: ${missing.join(", ")}`);
    if (files.length === 0) throw new InvalidInputError("No .json files found there");
  }
  return createQueuedRun({ kind: "import", title, config: { ...config }, task: IMPORT_TASK, createdById });
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

/** Where uploads for a run are kept (in the data folder). */
export function uploadsDir(): string {
  return path.join(env().dataDir, "uploads");
}

export type { RunView };

export async function getRun(id: number): Promise<RunView> {
  const run = await findRun(id);
  if (!run) throw new NotFoundError(`There is no run #${id}`);
  return run;
}

export function listImportRuns(limit: number): Promise<RunView[]> {
  return listRuns("import", limit);
}

/** Asks a queued or running run to stop; false when it had already ended. */
export async function cancelRun(id: number): Promise<boolean> {
  await getRun(id);
  return requestRunCancel(id);
}
