// Instruction generation's reads and writes: the catalog it samples from (with collections, for
// I3), and a batch's instructions written in one transaction with the batch item's success.
import type { CatalogApiRecord } from "@/lib/core/generation/instructions/catalog";
import type { ApiParameter } from "@/lib/core/toolbench/types";
import { inRunTransaction, runPool } from "../db/run-pool";
import { fenceParams, FENCE_SQL, type ItemFence } from "./run-items";
import { addUsageSql, usageParams, type UsageDelta } from "./run-events";

export interface SamplingApi extends CatalogApiRecord {
  apiId: number;
  toolId: number;
  categoryId: number;
}

/** Every API of the catalog (of some categories, by standardized name), tool by tool. */
export async function loadSamplingCatalog(categories?: readonly string[]): Promise<SamplingApi[]> {
  const r = await runPool().query<SamplingApi & { requiredParameters: ApiParameter[]; optionalParameters: ApiParameter[]; responseSchema: unknown }>(
    `select a.id as "apiId", t.id as "toolId", c.id as "categoryId", c.name as category, t.name as tool, t."standardizedName" as "toolStandardizedName",
            t.description as "toolDescription", a.name, a.description, a.method, a."requiredParameters", a."optionalParameters", a."responseSchema",
            coalesce((select array_agg(tc.name order by tc.name) from "ToolCollectionMember" m join "ToolCollection" tc on tc.id = m."collectionId"
                      where m."toolId" = t.id), '{}') as collections
     from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
     where ($1::text[] is null or c."standardizedName" = any($1::text[]))
     order by c.id, t.id, a.id`,
    [categories && categories.length > 0 ? [...categories] : null],
  );
  return r.rows.map(({ responseSchema, ...row }) => ({
    ...row,
    requiredParameters: Array.isArray(row.requiredParameters) ? row.requiredParameters : [],
    optionalParameters: Array.isArray(row.optionalParameters) ? row.optionalParameters : [],
    ...(responseSchema !== null && responseSchema !== undefined ? { templateResponse: responseSchema } : {}),
  }));
}

export interface GeneratedInstruction {
  group: "I1" | "I2" | "I3";
  query: string;
  queryHash: string;
  sampled: readonly SamplingApi[];
  relevantApis: [string, string][];
}

/**
 * Writes a batch's instructions and marks its item succeeded; an instruction whose query text the
 * group already has is left out (reported as a duplicate). Null when the claim was lost.
 */
export async function writeGeneratedBatch(fence: ItemFence, runId: number, items: readonly GeneratedInstruction[], usage: UsageDelta, result: object): Promise<{ inserted: number; duplicates: number } | null> {
  return inRunTransaction(async (db) => {
    const owned = await db.query(`update "RunItem" set status = 'succeeded', "finishedAt" = now(), error = null where ${FENCE_SQL}`, fenceParams(fence));
    if ((owned.rowCount ?? 0) === 0) return null;
    let inserted = 0;
    for (const ins of items) {
      const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
      const row = await db.query<{ id: number }>(
        `insert into "Instruction" ("group", query, "queryHash", "sampledApis", "relevantApis", origin, "generationRunId", "toolIds", "categoryIds")
         values ($1, $2, $3, $4::jsonb, $5::jsonb, 'generated', $6, $7::int[], $8::int[])
         on conflict ("group", "queryHash") do nothing returning id`,
        [
          ins.group, ins.query, ins.queryHash,
          JSON.stringify(ins.sampled.map((a) => ({ category: a.category, tool: a.tool, api: a.name }))),
          JSON.stringify(ins.relevantApis), runId, sorted(ins.sampled.map((a) => a.toolId)), sorted(ins.sampled.map((a) => a.categoryId)),
        ],
      );
      const id = row.rows[0]?.id;
      if (id === undefined) continue;
      inserted++;
      const relevant = new Set(ins.relevantApis.map(([t, a]) => `${t}\u0000${a}`));
      await db.query(
        `insert into "InstructionApi" ("instructionId", "apiId", position, relevant)
         select $1, x.api, x.pos - 1, x.rel from unnest($2::int[], $3::bool[]) with ordinality as x(api, rel, pos) on conflict do nothing`,
        [id, ins.sampled.map((a) => a.apiId), ins.sampled.map((a) => relevant.has(`${a.tool}\u0000${a.name}`))],
      );
    }
    await db.query(`update "RunItem" set result = $2::jsonb where id = $1`, [fence.itemId, JSON.stringify({ ...result, inserted, duplicates: items.length - inserted })]);
    await db.query(`update "Run" set ${addUsageSql(2)}, "progressDone" = "progressDone" + 1, "heartbeatAt" = now() where id = $1`, [runId, ...usageParams(usage)]);
    return { inserted, duplicates: items.length - inserted };
  });
}

/** Sums of the batches' results (kept, dropped by reason), for the run's summary. */
export async function sumBatchResults(runId: number): Promise<Record<string, number>> {
  const r = await runPool().query<{ result: Record<string, unknown> }>(`select result from "RunItem" where "runId" = $1 and result is not null`, [runId]);
  const sums: Record<string, number> = {};
  for (const { result } of r.rows) for (const [k, v] of Object.entries(result)) if (typeof v === "number") sums[k] = (sums[k] ?? 0) + v;
  return sums;
}
