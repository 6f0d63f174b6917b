// Importing ToolBench / StableToolBench files and folders.
//
// Each file is atomic: it is written completely or not at all, and a bad file never stops the
// others. Files are read, parsed and turned into COPY text on worker threads; answer files (the
// bulk: one tree each) are written in batches — one transaction per batch, retried file by file
// when it fails so only the bad file is left out — two batches at once, on two sessions.
import type { PreparedFile } from "@/lib/core/import/prepare";
import type { ImportInput } from "./import-inputs";
import { acquirePreparePool, releasePreparePool } from "./import-prepare-pool";
import fs from "node:fs";
import { inTransaction, linkNewCatalogEntries, writeLargeInstructionFile, writeOther, writeTrees, type TreeCounts, type TreeFile } from "./import-writes";

export { queryHash } from "./import-writes";
export { expandInputs, type ImportInput } from "./import-inputs";

export interface ImportSummary {
  /** files examined (imported, skipped or failed) */
  files: number;
  /** rows added (a re-import adds none) */
  instructions: number;
  trees: number;
  nodes: number;
  categories: number;
  tools: number;
  apis: number;
  /** files recognized, by kind */
  kinds: Record<string, number>;
  /** trees already in the database (re-imported files) */
  duplicateTrees: number;
  /** trees given pass-rate or preference labels by ToolEval result files */
  labelledTrees: number;
  skipped: { file: string; reason: string }[];
  errors: { file: string; message: string }[];
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  currentFile?: string;
  summary: ImportSummary;
}

export interface ImportOptions {
  /** Called after every file or batch; return true to stop early (what is written stays written). */
  onProgress?: (p: ImportProgress) => boolean | void | Promise<boolean | void>;
  runId?: number;
  /** Files per batch for answer files (default 200). */
  batchSize?: number;
  /** Array files larger than this are read element by element (default 64 MiB). */
  streamAbove?: number;
}


const emptySummary = (): ImportSummary => ({
  files: 0, instructions: 0, trees: 0, nodes: 0, categories: 0, tools: 0, apis: 0, kinds: {}, duplicateTrees: 0, labelledTrees: 0, skipped: [], errors: [],
});

/** Batches written at once (each on its own database session). */
const WRITERS = 2;
/** Files prepared ahead of the one being written. */
const READ_AHEAD = 64;
/** JSON array files above this size are streamed (V8 strings stop at 512 MiB, and memory matters long before). */
const STREAM_ABOVE = 64 * 1024 * 1024;

type Pending = PreparedFile | { kind: "stream" };

/** Large files that start with "[" (instruction files) are streamed on this thread, not prepared whole. */
function isLargeArrayFile(absolutePath: string, limit: number): boolean {
  let fd: number | undefined;
  try {
    if (fs.statSync(absolutePath).size <= limit) return false;
    fd = fs.openSync(absolutePath, "r");
    const head = Buffer.alloc(64);
    const n = fs.readSync(fd, head, 0, 64, 0);
    return head.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").trimStart().startsWith("[");
  } catch {
    return false; // unreadable: the preparer reports it
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0]!;
  return String(err);
}

function addCounts(s: ImportSummary, c: TreeCounts): void {
  s.instructions += c.instructions;
  s.trees += c.trees;
  s.nodes += c.nodes;
  s.duplicateTrees += c.duplicateTrees;
}

/** Writes a batch of answer files: one transaction, or one per file when the batch fails. */
async function writeTreeBatch(files: TreeFile[], runId: number | null, s: ImportSummary): Promise<void> {
  if (files.length === 0) return;
  try {
    addCounts(s, await inTransaction((db) => writeTrees(db, files, runId)));
    return;
  } catch (err) {
    if (files.length === 1) {
      s.errors.push({ file: files[0]!.displayPath, message: describeError(err) });
      return;
    }
  }
  for (const f of files) {
    try {
      addCounts(s, await inTransaction((db) => writeTrees(db, [f], runId)));
    } catch (err) {
      s.errors.push({ file: f.displayPath, message: describeError(err) });
    }
  }
}

/** Imports files (already expanded). Never throws for a bad file: it is reported in `errors`. */
export async function importFiles(files: ImportInput[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const s = emptySummary();
  const runId = opts.runId ?? null;
  const batchSize = opts.batchSize ?? 200;
  const now = new Date().toISOString();
  const preparer = acquirePreparePool();
  let batch: TreeFile[] = [];
  let batchNodes = 0;
  const inFlight: Promise<void>[] = [];
  const ahead: Promise<Pending>[] = [];
  const streamAbove = opts.streamAbove ?? STREAM_ABOVE;
  let next = 0;
  let done = 0;
  let stop = false;

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batchNodes = 0;
    if (inFlight.length >= WRITERS) await inFlight.shift();
    inFlight.push(writeTreeBatch(current, runId, s));
  };
  const drain = async () => {
    while (inFlight.length > 0) await inFlight.shift();
  };
  const report = async (currentFile?: string) => {
    if (!opts.onProgress) return;
    if ((await opts.onProgress({ filesDone: done, filesTotal: files.length, currentFile, summary: s })) === true) stop = true;
  };

  try {
    for (const input of files) {
      if (stop) break;
      while (ahead.length < READ_AHEAD && next < files.length) {
        const f = files[next++]!;
        ahead.push(isLargeArrayFile(f.absolutePath, streamAbove) ? Promise.resolve({ kind: "stream" }) : preparer.prepare(f, now));
      }
      const prepared = await ahead.shift()!;
      s.files++;
      if (prepared.kind === "error") {
        s.errors.push({ file: input.displayPath, message: prepared.message });
      } else if (prepared.kind === "skip") {
        s.kinds[prepared.fileKind] = (s.kinds[prepared.fileKind] ?? 0) + 1;
        s.skipped.push({ file: input.displayPath, reason: prepared.reason });
      } else if (prepared.kind === "trees") {
        s.kinds[prepared.fileKind] = (s.kinds[prepared.fileKind] ?? 0) + 1;
        batch.push({ displayPath: input.displayPath, trees: prepared.trees });
        batchNodes += prepared.trees.reduce((n, t) => n + t.nodeCount, 0);
        if (batch.length >= batchSize || batchNodes >= 50_000) await flush();
      } else {
        let kind: string = prepared.kind === "stream" ? "instructions" : prepared.parsed.kind;
        // Catalog and instruction files go in alone, after the answers before them.
        await flush();
        await drain();
        try {
          const written =
            prepared.kind === "stream"
              ? await writeLargeInstructionFile(input.absolutePath, input.displayPath)
              : await writeOther(prepared.parsed, input.displayPath);
          const c = "skipped" in written ? { categories: 0, tools: 0, apis: 0, instructions: 0 } : written;
          if ("skipped" in written) {
            kind = "toolllama_conversations";
            s.skipped.push({ file: input.displayPath, reason: written.skipped });
          }
          s.kinds[kind] = (s.kinds[kind] ?? 0) + 1;
          s.categories += c.categories;
          s.tools += c.tools;
          s.apis += c.apis;
          s.instructions += c.instructions;
          s.labelledTrees += c.labelledTrees ?? 0;
          if (c.unmatchedResults) {
            s.skipped.push({
              file: input.displayPath,
              reason: `${c.unmatchedResults} of its results match no imported tree (import the answers they judged — e.g. ToolEval's converted answers — then this file again)`,
            });
          }
        } catch (err) {
          s.errors.push({ file: input.displayPath, message: describeError(err) });
        }
      }
      done++;
      await report(input.displayPath); // callers throttle what they do with it
    }
    await flush();
    await drain();
    // New catalog entries can complete instructions imported earlier from answer files.
    if (s.apis > 0) await linkNewCatalogEntries();
  } finally {
    await drain().catch(() => undefined);
    releasePreparePool(preparer); // files still being read are dropped: their results go unused
  }
  await report();
  return s;
}
