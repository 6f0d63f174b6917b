// The executor cache: recorded API answers by function name and canonical arguments, filled by
// imports (StableToolBench's cache folders), real calls and simulated ones.
import { runPool } from "../db/run-pool";

export type CacheSource = "imported" | "real" | "simulated";

export interface CacheHit {
  response: unknown;
  source: string;
}

export async function findCachedAnswer(functionName: string, argsKey: string): Promise<CacheHit | null> {
  const r = await runPool().query<CacheHit>(`select response, source from "ApiCacheEntry" where "functionName" = $1 and "argsKey" = $2`, [functionName, argsKey]);
  return r.rows[0] ?? null;
}

/** Up to `limit` recorded calls of a function (the simulator's examples), oldest first. */
export async function listCachedExamples(functionName: string, limit: number): Promise<{ argsKey: string; response: unknown }[]> {
  const r = await runPool().query<{ argsKey: string; response: unknown }>(
    `select "argsKey", response from "ApiCacheEntry" where "functionName" = $1 order by id limit $2`,
    [functionName, limit],
  );
  return r.rows;
}

export interface CacheWrite {
  apiId: number | null;
  functionName: string;
  argsKey: string;
  response: unknown;
  source: CacheSource;
}

/** Stores answers; an entry already recorded for the same call is kept (the first answer wins, as in StableToolBench). */
export async function storeCachedAnswers(entries: readonly CacheWrite[]): Promise<number> {
  if (entries.length === 0) return 0;
  const r = await runPool().query(
    `insert into "ApiCacheEntry" ("apiId", "functionName", "argsKey", response, source)
     select * from unnest($1::int[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
     on conflict ("functionName", "argsKey") do nothing`,
    [entries.map((e) => e.apiId), entries.map((e) => e.functionName), entries.map((e) => e.argsKey), entries.map((e) => JSON.stringify(e.response)), entries.map((e) => e.source)],
  );
  return r.rowCount ?? 0;
}

/** Catalog API ids by function name, for linking imported cache entries (the first API when names collide). */
export async function apiIdsByFunctionName(functionNames: readonly string[]): Promise<Map<string, number>> {
  if (functionNames.length === 0) return new Map();
  const r = await runPool().query<{ functionName: string; id: number }>(
    `select distinct on ("functionName") "functionName", id from "Api" where "functionName" = any($1::text[]) order by "functionName", id`,
    [[...new Set(functionNames)]],
  );
  return new Map(r.rows.map((x) => [x.functionName, x.id]));
}

export async function countCacheEntries(): Promise<{ source: string; count: number }[]> {
  const r = await runPool().query<{ source: string; count: number }>(`select source, count(*)::int as count from "ApiCacheEntry" group by source order by source`);
  return r.rows;
}
