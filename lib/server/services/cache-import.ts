// Importing StableToolBench's tool response cache (a folder of `<Category>/<tool>_for_<Category>/
// <api>.json` files) into the executor cache, keys normalized to canonical JSON. Entries already
// cached for the same call are kept. Files are read one at a time, so a large cache fits in memory.
import fs from "node:fs";
import path from "node:path";
import { InvalidInputError } from "@/lib/core/errors";
import { locateCacheFile, readCacheFile } from "@/lib/core/runs/cache-file";
import { apiIdsByFunctionName, countCacheEntries, storeCachedAnswers, type CacheWrite } from "../repositories/api-cache";

export interface CacheImportSummary {
  files: number;
  entries: number;
  /** New entries (the rest were cached already). */
  stored: number;
  /** Entries whose function is not in the catalog (stored anyway: a later catalog import links by name). */
  unlinked: number;
  problems: { file: string; message: string }[];
}

function* jsonFiles(root: string): Generator<string> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile() && e.name.endsWith(".json")) yield p;
    }
  }
}

const BATCH = 2000;

export async function importToolResponseCache(folder: string, onProgress?: (files: number) => void): Promise<CacheImportSummary> {
  const root = path.resolve(folder);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new InvalidInputError(`No such folder on the server: ${folder}`);
  const summary: CacheImportSummary = { files: 0, entries: 0, stored: 0, unlinked: 0, problems: [] };
  let pending: Omit<CacheWrite, "apiId">[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const ids = await apiIdsByFunctionName(pending.map((p) => p.functionName));
    summary.unlinked += pending.filter((p) => !ids.has(p.functionName)).length;
    summary.stored += await storeCachedAnswers(pending.map((p) => ({ ...p, apiId: ids.get(p.functionName) ?? null })));
    pending = [];
  };
  for (const file of jsonFiles(root)) {
    const rel = path.relative(root, file);
    const where = locateCacheFile(rel);
    if (!where) {
      summary.problems.push({ file: rel, message: "not in <Category>/<tool>_for_<Category>/<api>.json form" });
      continue;
    }
    summary.files++;
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      summary.problems.push({ file: rel, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const read = readCacheFile(data);
    for (const p of read.problems.slice(0, 5)) summary.problems.push({ file: rel, message: p });
    for (const e of read.entries) pending.push({ functionName: where.functionName, argsKey: e.argsKey, response: e.answer, source: "imported" });
    summary.entries += read.entries.length;
    if (pending.length >= BATCH) await flush();
    onProgress?.(summary.files);
  }
  await flush();
  summary.problems = summary.problems.slice(0, 200);
  return summary;
}

/** Cached answers by where they came from ("imported", "real", "simulated"). */
export function getCacheStats(): Promise<{ source: string; count: number }[]> {
  return countCacheEntries();
}
