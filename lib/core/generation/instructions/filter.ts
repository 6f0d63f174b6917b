// ToolBench's hallucination filter: a generated query is dropped when it names an API that was not
// in the sampled set. Arbor also drops queries that name no API, are empty, or repeat an earlier
// one, and says for each drop why.
import { changeName, standardize } from "@/lib/core/toolbench/names";
import type { GeneratedQuery } from "./parse-output";

export type DropReason = "unknown_api" | "no_related_apis" | "empty_query" | "duplicate";

export interface DroppedQuery {
  query: string;
  reason: DropReason;
  /** For unknown_api: the pairs that are not in the sample. */
  unknownApis?: [string, string][];
}

export interface FilterResult {
  /** Kept queries, their related APIs rewritten to the sample's spelling. */
  kept: GeneratedQuery[];
  dropped: DroppedQuery[];
  counts: { kept: number; dropped: number } & Record<DropReason, number>;
}

const looseKey = (tool: string, api: string) => `${standardize(tool)}\u0000${changeName(standardize(api))}`;

/**
 * Keeps the queries whose related APIs are all in `sampled`. A pair matches exactly, or after
 * ToolBench's name standardization (models often change case or punctuation); duplicates within a
 * query's list are merged.
 */
export function filterGeneratedQueries(queries: readonly GeneratedQuery[], sampled: readonly { tool: string; name: string }[]): FilterResult {
  const exact = new Map(sampled.map((s) => [`${s.tool}\u0000${s.name}`, [s.tool, s.name] as [string, string]]));
  const loose = new Map<string, [string, string]>();
  for (const s of sampled) if (!loose.has(looseKey(s.tool, s.name))) loose.set(looseKey(s.tool, s.name), [s.tool, s.name]);
  const kept: GeneratedQuery[] = [];
  const dropped: DroppedQuery[] = [];
  const seen = new Set<string>();
  for (const q of queries) {
    const text = q.query.trim();
    if (text === "") {
      dropped.push({ query: q.query, reason: "empty_query" });
      continue;
    }
    const normalized = text.replace(/\s+/g, " ").toLowerCase();
    if (seen.has(normalized)) {
      dropped.push({ query: q.query, reason: "duplicate" });
      continue;
    }
    if (q.relevantApis.length === 0) {
      dropped.push({ query: q.query, reason: "no_related_apis" });
      continue;
    }
    const resolved: [string, string][] = [];
    const unknown: [string, string][] = [];
    for (const [tool, api] of q.relevantApis) {
      const match = exact.get(`${tool}\u0000${api}`) ?? loose.get(looseKey(tool, api));
      if (!match) unknown.push([tool, api]);
      else if (!resolved.some(([t, a]) => t === match[0] && a === match[1])) resolved.push(match);
    }
    if (unknown.length > 0) {
      dropped.push({ query: q.query, reason: "unknown_api", unknownApis: unknown });
      continue;
    }
    seen.add(normalized);
    kept.push({ query: text, relevantApis: resolved });
  }
  const counts = { kept: kept.length, dropped: dropped.length, unknown_api: 0, no_related_apis: 0, empty_query: 0, duplicate: 0 };
  for (const d of dropped) counts[d.reason]++;
  return { kept, dropped, counts };
}
