// StableToolBench's tool response cache, read for import: one file per API at
// `<Category>/<tool>_for_<Category>/<api>.json`, a dict keyed by the Python repr of the call's
// arguments (`"{'listing_id': 56354192}"`), each value `{"error": "", "response": ...}`. Keys become
// canonical JSON, so entries hit the same cache the model's JSON arguments are looked up in.
import { parseLiteral } from "../format/literal";
import { functionNameFor } from "../toolbench/names";
import { canonicalJson } from "./canonical-json";
import { readApiAnswer, type ApiAnswer } from "./api-response";

export interface CacheFileLocation {
  /** The category directory (standardized). */
  category: string;
  /** The standardized tool name. */
  tool: string;
  /** The standardized API name (the file stem). */
  api: string;
  functionName: string;
}

/**
 * Where a cache file belongs, from its last three path segments; undefined when the path does not
 * have StableToolBench's shape (the tool folder must end with `_for_<category folder>`).
 */
export function locateCacheFile(relativePath: string): CacheFileLocation | undefined {
  const parts = relativePath.split(/[\\/]/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const [category, toolFolder, file] = parts.slice(-3) as [string, string, string];
  if (!file.endsWith(".json")) return undefined;
  const suffix = `_for_${category}`;
  if (!toolFolder.endsWith(suffix) || toolFolder.length === suffix.length) return undefined;
  const tool = toolFolder.slice(0, -suffix.length);
  const api = file.slice(0, -".json".length);
  // The stem is already standardized; functionNameFor leaves such names as they are.
  return { category, tool, api, functionName: functionNameFor(api, tool) };
}

export interface CacheFileEntry {
  argsKey: string;
  answer: ApiAnswer;
}

export interface ReadCacheFile {
  entries: CacheFileEntry[];
  /** Keys or values that could not be read, with why. */
  problems: string[];
}

/** The entries of one cache file's parsed JSON. */
export function readCacheFile(data: unknown): ReadCacheFile {
  const entries: CacheFileEntry[] = [];
  const problems: string[] = [];
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { entries, problems: ["the file is not a JSON object"] };
  for (const [key, value] of Object.entries(data)) {
    const args = parseLiteral(key);
    if (!args.ok || !args.complete || typeof args.value !== "object" || args.value === null || Array.isArray(args.value)) {
      problems.push(`key ${JSON.stringify(key.slice(0, 80))}: not a dict of arguments`);
      continue;
    }
    const answer = readApiAnswer(value);
    if (!answer) {
      problems.push(`key ${JSON.stringify(key.slice(0, 80))}: the value is not {"error", "response"}`);
      continue;
    }
    entries.push({ argsKey: canonicalJson(args.value), answer });
  }
  return { entries, problems };
}
