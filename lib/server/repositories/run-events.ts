// A solve item's events: appended as the search makes them (one statement per LLM step, which also
// renews the item's claim and adds the step's tokens and cost to the run), read back to resume an
// item or to show its tree growing.
import type { ItemEvent } from "@/lib/core/runs/item-events";
import { runPool } from "../db/run-pool";
import { fenceParams, FENCE_SQL, type ItemFence } from "./run-items";

export interface UsageDelta {
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export const NO_USAGE_DELTA: UsageDelta = { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };

export interface RunSignal {
  status: string;
  cancelRequested: boolean;
  costUsd: number;
  costCapUsd: number | null;
}

/** The SQL that adds a usage delta to a run, as parameters $a..$a+3. */
export const addUsageSql = (first: number) =>
  `"llmCalls" = "llmCalls" + $${first}, "promptTokens" = "promptTokens" + $${first + 1}, "completionTokens" = "completionTokens" + $${first + 2}, "costUsd" = "costUsd" + $${first + 3}::numeric`;
export const usageParams = (u: UsageDelta) => [u.llmCalls, u.promptTokens, u.completionTokens, u.costUsd];

/**
 * Appends events (numbered from `firstSeq`) while the worker still holds the item, and adds the
 * usage to the run. Returns the run's state, or null when the claim was lost (another worker took
 * the item over): the caller must stop.
 */
export async function appendItemEvents(fence: ItemFence, firstSeq: number, events: readonly ItemEvent[], usage: UsageDelta): Promise<RunSignal | null> {
  const r = await runPool().query<RunSignal>(
    `with owner as (update "RunItem" set "heartbeatAt" = now() where ${FENCE_SQL} returning "runId"),
     ev as (insert into "RunItemEvent" ("runItemId", seq, kind, data)
            select $1, $4::int + x.ord::int - 1, x.kind, x.data::json from unnest($5::text[], $6::text[]) with ordinality as x(kind, data, ord)
            where exists (select 1 from owner)
            on conflict do nothing)
     update "Run" r set ${addUsageSql(7)}, "heartbeatAt" = now() from owner where r.id = owner."runId"
     returning r.status::text as status, r."cancelRequested", r."costUsd", r."costCapUsd"`,
    [...fenceParams(fence), firstSeq, events.map((e) => e.kind), events.map((e) => JSON.stringify(e)), ...usageParams(usage)],
  );
  return r.rows[0] ?? null;
}

export async function readItemEvents(itemId: number): Promise<ItemEvent[]> {
  const r = await runPool().query<{ data: ItemEvent }>(`select data from "RunItemEvent" where "runItemId" = $1 order by seq`, [itemId]);
  return r.rows.map((x) => x.data);
}

export interface LiveItemRow {
  itemId: number;
  key: string;
  instructionId: number | null;
  status: string;
  events: ItemEvent[];
}

/**
 * The item to show growing on a run's page: the given one, else the running item that started
 * last, else the last one to have events. Null when no item has any.
 */
export async function readLiveItem(runId: number, itemId?: number): Promise<LiveItemRow | null> {
  const pick = await runPool().query<{ id: number; key: string; instructionId: number | null; status: string }>(
    `select i.id, i.key, i."instructionId", i.status::text from "RunItem" i
     where i."runId" = $1 and ($2::bigint is null or i.id = $2) and exists (select 1 from "RunItemEvent" e where e."runItemId" = i.id)
     order by (i.status = 'running') desc, i."startedAt" desc nulls last, i.id desc limit 1`,
    [runId, itemId ?? null],
  );
  const item = pick.rows[0];
  if (!item) return null;
  return { itemId: item.id, key: item.key, instructionId: item.instructionId, status: item.status, events: await readItemEvents(item.id) };
}
