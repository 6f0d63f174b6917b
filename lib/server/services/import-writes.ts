// The importer's transactions: a batch of answer files, or one catalog / instruction / id-list file.
import fs from "node:fs";
import { JsonArraySplitter, parseArrayElement, type ArrayElement } from "@/lib/core/import/json-array-splitter";
import type { PreparedTree } from "@/lib/core/import/prepare";
import { parseInstructions } from "@/lib/core/toolbench/parse-catalog";
import type { Json } from "@/lib/core/toolbench/json-shape";
import { stampTreeId, treeRowHead } from "@/lib/core/import/tree-rows";
import { SKIPPED_KINDS, type ParsedFile } from "@/lib/core/toolbench/types";
import { pool } from "../db/pool";
import { attachResponseSchemas, upsertCatalog, type CatalogWriteResult } from "../repositories/import-catalog";
import { attachPassRateResults, attachPreferenceResults } from "../repositories/imported-evaluations";
import {
  addInstructionSources,
  allocateTreeIds,
  copyNodes,
  copyTrees,
  existingTreeHashes,
  groupsOfQueries,
  linkByFunctionNames,
  insertInstructionApis,
  resolveSampledApis,
  sampledApiKey,
  type ResolvedApi,
  refreshFilterColumns,
  skipForeignKeyChecks,
  upsertInstructions,
  upsertInstructionSet,
  type Db,
} from "../repositories/import-trees";
import { sha256 } from "./import-prepare-worker";

export const queryHash = (query: string) => sha256(query.trim());

export interface TreeFile {
  displayPath: string;
  trees: PreparedTree[];
}

export interface TreeCounts {
  instructions: number;
  trees: number;
  nodes: number;
  duplicateTrees: number;
}

export interface OtherCounts extends CatalogWriteResult {
  instructions: number;
  /** trees given labels by a result file */
  labelledTrees?: number;
  /** result file entries that no imported tree matched */
  unmatchedResults?: number;
}

/**
 * One import transaction. Commits do not wait for the disk (synchronous_commit off): a crash can
 * lose the last moment of committed imports, never half of one, and importing again restores them.
 */
export async function inTransaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
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

/** Writes the trees of several files; the caller's transaction makes it all-or-nothing. */
export async function writeTrees(db: Db, files: TreeFile[], runId: number | null): Promise<TreeCounts> {
  const all = files.flatMap((f) => f.trees);
  const existing = await existingTreeHashes(db, all.map((t) => t.contentHash));
  const seen = new Set<string>();
  const fresh = all.filter((t) => {
    if (existing.has(t.contentHash) || seen.has(t.contentHash)) return false;
    seen.add(t.contentHash);
    return true;
  });
  const counts: TreeCounts = { instructions: 0, trees: fresh.length, nodes: 0, duplicateTrees: all.length - fresh.length };
  if (fresh.length === 0) return counts;
  await skipForeignKeyChecks(db);

  // Answers from a path that names no group join an existing instruction with the same query.
  const known = await groupsOfQueries(db, fresh.filter((t) => t.group === "unknown").map((t) => t.queryHash));
  const groupOf = (t: PreparedTree) => (t.group === "unknown" ? (known.get(t.queryHash) ?? "unknown") : t.group);
  const sourceOf = new Map(files.flatMap((f) => f.trees.map((t) => [t, f.displayPath] as const)));

  const { ids, inserted } = await upsertInstructions(
    db,
    fresh.map((t) => ({
      group: groupOf(t),
      externalId: t.externalId,
      query: t.query,
      queryHash: t.queryHash,
      sampledApis: [],
      relevantApis: [],
      functionNames: t.functionNames,
      sourceFile: sourceOf.get(t)!,
    })),
  );
  counts.instructions = inserted;
  const treeIds = await allocateTreeIds(db, fresh.length);
  await copyTrees(db, (function* () {
    for (let i = 0; i < fresh.length; i++) {
      yield Buffer.from(treeRowHead({ id: treeIds[i]!, instructionId: ids[i]!, runId, group: groupOf(fresh[i]!) }));
      yield fresh[i]!.treeTail;
    }
  })());
  await copyNodes(db, (function* () {
    for (let i = 0; i < fresh.length; i++) yield stampTreeId(fresh[i]!.nodeRows, treeIds[i]!);
  })());
  await refreshFilterColumns(db, await linkByFunctionNames(db, [...new Set(ids)]));
  counts.nodes = fresh.reduce((n, t) => n + t.nodeCount, 0);
  return counts;
}

async function writeInstructions(db: Db, parsed: Extract<ParsedFile, { kind: "instructions" }>, displayPath: string, counts: OtherCounts): Promise<void> {
  const c = await upsertCatalog(db, parsed.catalog, { authoritative: false, sourceFile: displayPath });
  counts.categories += c.categories;
  counts.tools += c.tools;
  counts.apis += c.apis;
  // The catalog now has every sampled API: resolve them once, so new instructions are inserted with
  // their filter columns and links, without a second pass.
  const resolved = await resolveSampledApis(db, parsed.instructions.flatMap((i) => i.sampledApis));
  const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
  const items = parsed.instructions.map((ins) => {
    const apis = ins.sampledApis.map((a) => resolved.get(sampledApiKey(a))).filter((a): a is ResolvedApi => a !== undefined);
    return {
      group: ins.group,
      externalId: ins.externalId,
      query: ins.query,
      queryHash: queryHash(ins.query),
      sampledApis: ins.sampledApis,
      relevantApis: ins.relevantApis,
      functionNames: [],
      sourceFile: displayPath,
      toolIds: sorted(apis.map((a) => a.toolId)),
      categoryIds: sorted(apis.map((a) => a.categoryId)),
    };
  });
  const { ids, inserted, insertedIds } = await upsertInstructions(db, items);
  counts.instructions += inserted;
  // New instructions were recorded in this file as they were inserted; the ones it shares with files
  // imported before are in it too.
  const fresh = new Set(insertedIds);
  await addInstructionSources(db, ids.filter((id) => !fresh.has(id)), displayPath);
  const links = parsed.instructions.flatMap((ins, i) => {
    const relevant = new Set(ins.relevantApis.map(([tool, api]) => `${tool}\u0000${api}`));
    return ins.sampledApis.flatMap((a, position) => {
      const r = resolved.get(sampledApiKey(a));
      return r ? [{ instructionId: ids[i]!, apiId: r.apiId, position, relevant: relevant.has(`${a.tool}\u0000${a.api}`) }] : [];
    });
  });
  const gained = await insertInstructionApis(db, links);
  // New instructions got their filter columns at insert; ones that existed (e.g. first met in an
  // answer file) and gained links have theirs recomputed.
  await refreshFilterColumns(db, gained.filter((id) => !fresh.has(id)));
}

/** Instructions per statement group when a file is streamed. */
const STREAM_GROUP = 5000;

/**
 * An instruction file too large to read whole: read element by element and written in groups,
 * still in one transaction (all or nothing, like every file).
 */
export async function writeLargeInstructionFile(absolutePath: string, displayPath: string): Promise<OtherCounts | { skipped: string }> {
  const counts: OtherCounts = { categories: 0, tools: 0, apis: 0, instructions: 0 };
  let skipped: string | undefined;
  await inTransaction(async (db) => {
    const splitter = new JsonArraySplitter();
    let group: ArrayElement[] = [];
    let first = true;
    const flush = async () => {
      if (group.length === 0) return;
      const data = group.map((el) => parseArrayElement(el) as Json);
      const first = group[0]!.index;
      group = [];
      await writeInstructions(db, parseInstructions(data, displayPath, first), displayPath, counts);
    };
    const stream = fs.createReadStream(absolutePath, { encoding: "utf8", highWaterMark: 1 << 20 });
    try {
      for await (const chunk of stream) {
        for (const el of splitter.push(chunk as string)) {
          if (first) {
            first = false;
            const head = parseArrayElement(el);
            if (head !== null && typeof head === "object" && "conversations" in head) {
              skipped = SKIPPED_KINDS.toolllama_conversations;
              return;
            }
          }
          group.push(el);
          if (group.length >= STREAM_GROUP) await flush();
        }
      }
    } finally {
      stream.destroy();
    }
    splitter.end();
    await flush();
  });
  return skipped ? { skipped } : counts;
}

/** Writes a catalog / instruction / id-list file in its own transaction. */
export async function writeOther(parsed: Exclude<ParsedFile, { trees: unknown } | { kind: "empty" | "toolllama_conversations" }>, displayPath: string): Promise<OtherCounts> {
  const counts: OtherCounts = { categories: 0, tools: 0, apis: 0, instructions: 0 };
  await inTransaction(async (db) => {
    switch (parsed.kind) {
      case "tool":
        Object.assign(counts, await upsertCatalog(db, parsed.catalog, { authoritative: true, sourceFile: displayPath }));
        break;
      case "response_examples":
        Object.assign(counts, await attachResponseSchemas(db, parsed.category, parsed.toolStandardizedName, parsed.schemas, displayPath));
        break;
      case "query_ids":
        await upsertInstructionSet(db, { name: parsed.setName, group: parsed.group, queryIds: parsed.queryIds, source: displayPath });
        break;
      case "instructions":
        await writeInstructions(db, parsed, displayPath, counts);
        break;
      case "pass_rate_results":
      case "preference_results": {
        const r = parsed.kind === "pass_rate_results" ? await attachPassRateResults(db, parsed, displayPath) : await attachPreferenceResults(db, parsed, displayPath);
        counts.labelledTrees = r.trees;
        counts.unmatchedResults = r.unmatched;
        break;
      }
    }
  });
  return counts;
}

/** After catalog files arrive: link instructions known only from answers to their new APIs. */
export async function linkNewCatalogEntries(): Promise<void> {
  await inTransaction(async (db) => refreshFilterColumns(db, await linkByFunctionNames(db)));
}
