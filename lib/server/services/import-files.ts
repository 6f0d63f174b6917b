// Importing ToolBench / StableToolBench files and folders.
//
// Each file is atomic: it is written completely or not at all, and a bad file never stops the
// others. Answer files (the bulk: one tree each) are written in batches for speed — one transaction
// per batch — and when a batch fails, its files are retried one transaction each so only the bad
// file is left out. Two batches are written at once, on two sessions, while the next is parsed.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sortForImport } from "@/lib/core/import/order";
import { nodeCopyLines, offeredFunctionNames, treeCopyLine } from "@/lib/core/import/tree-rows";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { ToolBenchParseError, type ParsedFile, type ParsedTree } from "@/lib/core/toolbench/types";
import { pool } from "../db/pool";
import { attachResponseSchemas, upsertCatalog } from "../repositories/import-catalog";
import {
  allocateTreeIds,
  copyNodes,
  copyTrees,
  existingTreeHashes,
  groupsOfQueries,
  linkSampledApis,
  refreshInstructionLinks,
  addToTreeCounts,
  upsertInstructions,
  upsertInstructionSet,
  type Db,
} from "../repositories/import-trees";

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
}

export interface ImportInput {
  /** where the file is on this machine */
  absolutePath: string;
  /** how it is named in Arbor (sourceFile); its folders tell the group, query id and model */
  displayPath: string;
}

const emptySummary = (): ImportSummary => ({
  files: 0, instructions: 0, trees: 0, nodes: 0, categories: 0, tools: 0, apis: 0, kinds: {}, duplicateTrees: 0, skipped: [], errors: [],
});

/**
 * Files and folders → the .json files under them (hidden folders skipped), named relative to the
 * argument's parent folder (so a folder's own name is kept), or to `relativeTo` when given.
 */
export function expandInputs(inputs: string[], opts: { relativeTo?: string } = {}): { files: ImportInput[]; missing: string[] } {
  const files: ImportInput[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!fs.existsSync(abs)) {
      missing.push(input);
      continue;
    }
    const base = opts.relativeTo ? path.resolve(opts.relativeTo) : path.dirname(abs);
    const walk = (p: string) => {
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        for (const e of fs.readdirSync(p).sort()) if (!e.startsWith(".") && e !== "node_modules") walk(path.join(p, e));
      } else if (p.toLowerCase().endsWith(".json") || p === abs) {
        files.push({ absolutePath: p, displayPath: path.relative(base, p).split(path.sep).join("/") });
      }
    };
    walk(abs);
  }
  const order = new Map(sortForImport(files.map((f) => f.displayPath)).map((d, i) => [d, i]));
  files.sort((a, b) => order.get(a.displayPath)! - order.get(b.displayPath)!);
  return { files, missing };
}

const WRITERS = 2;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const queryHash = (query: string) => sha256(query.trim());

interface TreeFile {
  input: ImportInput;
  trees: (ParsedTree & { contentHash: string })[];
}

function describeError(err: unknown): string {
  if (err instanceof ToolBenchParseError) return err.message;
  if (err instanceof Error) return err.message.split("\n")[0]!;
  return String(err);
}

/**
 * One import transaction. Commits do not wait for the disk (synchronous_commit off): a crash can
 * lose the last moment of committed imports, never half of one, and importing again restores them.
 */
async function inTransaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await pool().connect();
  try {
    await db.query("begin; set local synchronous_commit = off");
    const result = await fn(db);
    await db.query("commit");
    return result;
  } catch (err) {
    await db.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}

interface TreeCounts {
  instructions: number;
  trees: number;
  nodes: number;
  duplicateTrees: number;
}

/** Writes the trees of several files; the caller's transaction makes it all-or-nothing. */
async function writeTrees(db: Db, files: TreeFile[], runId: number | null): Promise<TreeCounts> {
  const all = files.flatMap((f) => f.trees.map((t) => ({ t, file: f })));
  const existing = await existingTreeHashes(db, all.map((x) => x.t.contentHash));
  const seen = new Set<string>();
  const fresh = all.filter((x) => {
    if (existing.has(x.t.contentHash) || seen.has(x.t.contentHash)) return false;
    seen.add(x.t.contentHash);
    return true;
  });
  const counts: TreeCounts = { instructions: 0, trees: fresh.length, nodes: 0, duplicateTrees: all.length - fresh.length };
  if (fresh.length === 0) return counts;

  // Answers from a path that names no group join an existing instruction with the same query.
  const unknown = fresh.filter((x) => x.t.group === "unknown").map((x) => queryHash(x.t.query));
  const known = await groupsOfQueries(db, unknown);
  const groupOf = (t: ParsedTree) => (t.group === "unknown" ? (known.get(queryHash(t.query)) ?? "unknown") : t.group);

  const { ids, inserted } = await upsertInstructions(
    db,
    fresh.map(({ t, file }) => ({
      group: groupOf(t),
      externalId: t.externalId,
      query: t.query,
      queryHash: queryHash(t.query),
      sampledApis: [],
      relevantApis: [],
      functionNames: offeredFunctionNames(t),
      sourceFile: file.input.displayPath,
    })),
  );
  counts.instructions = inserted;
  const treeIds = await allocateTreeIds(db, fresh.length);
  const now = new Date().toISOString();
  await copyTrees(
    db,
    fresh.map(({ t, file }, i) =>
      treeCopyLine(t, {
        id: treeIds[i]!,
        instructionId: ids[i]!,
        group: groupOf(t),
        runId,
        sourceFile: file.input.displayPath,
        contentHash: t.contentHash,
        now,
      }),
    ),
  );
  await copyNodes(db, (function* () {
    for (let i = 0; i < fresh.length; i++) yield nodeCopyLines(treeIds[i]!, fresh[i]!.t.nodes);
  })());
  await addToTreeCounts(db, ids);
  await refreshInstructionLinks(db, [...new Set(ids)]);
  counts.nodes = fresh.reduce((n, x) => n + x.t.nodes.length, 0);
  return counts;
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
      s.errors.push({ file: files[0]!.input.displayPath, message: describeError(err) });
      return;
    }
  }
  for (const f of files) {
    try {
      addCounts(s, await inTransaction((db) => writeTrees(db, [f], runId)));
    } catch (err) {
      s.errors.push({ file: f.input.displayPath, message: describeError(err) });
    }
  }
}

/** Writes a catalog / instruction / id-list file in its own transaction. */
async function writeOther(parsed: ParsedFile, input: ImportInput, s: ImportSummary): Promise<void> {
  const add = (r: { categories: number; tools: number; apis: number }) => {
    s.categories += r.categories;
    s.tools += r.tools;
    s.apis += r.apis;
  };
  const counts = { categories: 0, tools: 0, apis: 0, instructions: 0 };
  await inTransaction(async (db) => {
    switch (parsed.kind) {
      case "tool":
        Object.assign(counts, await upsertCatalog(db, parsed.catalog, { authoritative: true, sourceFile: input.displayPath }));
        break;
      case "response_examples":
        Object.assign(counts, await attachResponseSchemas(db, parsed.category, parsed.toolStandardizedName, parsed.schemas, input.displayPath));
        break;
      case "query_ids":
        await upsertInstructionSet(db, { name: parsed.setName, group: parsed.group, queryIds: parsed.queryIds, source: input.displayPath });
        break;
      case "instructions": {
        Object.assign(counts, await upsertCatalog(db, parsed.catalog, { authoritative: false, sourceFile: input.displayPath }));
        const items = parsed.instructions.map((ins) => ({
          group: ins.group,
          externalId: ins.externalId,
          query: ins.query,
          queryHash: queryHash(ins.query),
          sampledApis: ins.sampledApis,
          relevantApis: ins.relevantApis,
          functionNames: [],
          sourceFile: input.displayPath,
        }));
        const { ids, inserted } = await upsertInstructions(db, items);
        counts.instructions = inserted;
        await linkSampledApis(db, items.map((it, i) => ({ instructionId: ids[i]!, sampledApis: it.sampledApis, relevantApis: it.relevantApis })));
        await refreshInstructionLinks(db, [...new Set(ids)]);
        break;
      }
      default:
        throw new Error(`unexpected file kind ${parsed.kind}`);
    }
  });
  add(counts);
  s.instructions += counts.instructions;
}

function treeFileOf(parsed: Extract<ParsedFile, { trees: ParsedTree[] }>, input: ImportInput, text: string): TreeFile {
  const fileHash = sha256(text);
  return {
    input,
    trees: parsed.trees.map((t) => ({
      ...t,
      contentHash: sha256(`${fileHash}\u0000${t.group}\u0000${t.externalId ?? ""}\u0000${t.sourceKey ?? ""}`),
    })),
  };
}

/** Imports files (already expanded). Never throws for a bad file: it is reported in `errors`. */
export async function importFiles(files: ImportInput[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const s = emptySummary();
  const runId = opts.runId ?? null;
  const batchSize = opts.batchSize ?? 200;
  let batch: TreeFile[] = [];
  let batchNodes = 0;
  // Two batches are written at once (two database sessions) while the next one is parsed.
  const inFlight: Promise<void>[] = [];
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

  for (const input of files) {
    if (stop) break;
    let text: string;
    let parsed: ParsedFile;
    try {
      text = await fs.promises.readFile(input.absolutePath, "utf8");
      parsed = parseToolBenchFile(text, input.displayPath);
    } catch (err) {
      s.files++;
      s.errors.push({ file: input.displayPath, message: describeError(err) });
      done++;
      await report(input.displayPath);
      continue;
    }
    s.files++;
    s.kinds[parsed.kind] = (s.kinds[parsed.kind] ?? 0) + 1;
    if (parsed.kind === "empty") {
      s.skipped.push({ file: input.displayPath, reason: "empty file" });
    } else if ("trees" in parsed) {
      batch.push(treeFileOf(parsed, input, text));
      batchNodes += parsed.trees.reduce((n, t) => n + t.nodes.length, 0);
      if (batch.length >= batchSize || batchNodes >= 50_000) await flush();
    } else {
      await flush();
      await drain();
      try {
        await writeOther(parsed, input, s);
      } catch (err) {
        s.errors.push({ file: input.displayPath, message: describeError(err) });
      }
    }
    done++;
    if (batch.length === 0 || done % 50 === 0 || done === files.length) await report(input.displayPath);
  }
  await flush();
  await drain();
  // New catalog entries can complete instructions imported earlier from answer files.
  if (s.apis > 0) await inTransaction((db) => refreshInstructionLinks(db));
  await report();
  return s;
}
