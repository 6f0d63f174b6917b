// A run's items as workers share them: claimed one at a time with FOR UPDATE SKIP LOCKED (any number
// of workers, on any machine, take from the same run), kept alive by heartbeats, taken over when a
// worker stops reporting. Every write a worker makes for an item is fenced by its claim (worker id
// and attempt number), so a worker that was presumed dead cannot write over its successor.
import { runPool } from "../db/run-pool";

export interface ItemFence {
  itemId: number;
  workerId: string;
  attempt: number;
}

export interface ClaimedItem extends ItemFence {
  runId: number;
  key: string;
  instructionId: number | null;
}

/** The fence as SQL parameters $1..$3, for the statements below and in run-events.ts. */
export const fenceParams = (f: ItemFence) => [f.itemId, f.workerId, f.attempt];
export const FENCE_SQL = `id = $1 and "claimedBy" = $2 and attempts = $3 and status = 'running'`;

/**
 * The next item of a run that is waiting, or whose worker stopped reporting `staleSeconds` ago —
 * while the run is running, not cancelled and under its cost cap (so a fresh item may make its
 * first LLM call without asking again).
 */
export async function claimNextItem(runId: number, workerId: string, staleSeconds: number): Promise<ClaimedItem | null> {
  const r = await runPool().query<{ id: number; key: string; instructionId: number | null; attempts: number }>(
    `update "RunItem" set status = 'running', "claimedBy" = $2, attempts = attempts + 1, "heartbeatAt" = now(),
            "startedAt" = coalesce("startedAt", now()), error = null
     where id = (select i.id from "RunItem" i
                 where i."runId" = $1 and (i.status = 'pending' or (i.status = 'running' and i."heartbeatAt" < now() - make_interval(secs => $3)))
                   and exists (select 1 from "Run" r where r.id = $1 and r.status = 'running' and not r."cancelRequested"
                               and (r."costCapUsd" is null or r."costUsd" < r."costCapUsd"))
                 order by i.id limit 1 for update of i skip locked)
     returning id, key, "instructionId", attempts`,
    [runId, workerId, staleSeconds],
  );
  const row = r.rows[0];
  return row ? { itemId: row.id, runId, key: row.key, instructionId: row.instructionId, workerId, attempt: row.attempts } : null;
}

/** Tells other workers this one is alive: every item it holds, and their runs. */
export async function heartbeatWorker(workerId: string): Promise<void> {
  await runPool().query(
    `with items as (update "RunItem" set "heartbeatAt" = now() where "claimedBy" = $1 and status = 'running' returning "runId")
     update "Run" set "heartbeatAt" = now() where id in (select distinct "runId" from items)`,
    [workerId],
  );
}

/**
 * Ends an item without a result: "failed" (counted, and retried by a retry) or "skipped" (stopped
 * by a cancel, the cost cap or a failed run). Its events are kept, so a retry resumes it.
 */
export async function endItemWithoutResult(fence: ItemFence, status: "failed" | "skipped", error: string): Promise<boolean> {
  const r = await runPool().query(
    `with item as (update "RunItem" set status = $4::"RunItemStatus", error = $5, "finishedAt" = now() where ${FENCE_SQL} returning "runId")
     update "Run" set "progressDone" = "progressDone" + $6, "progressFailed" = "progressFailed" + $6
     from item where "Run".id = item."runId" returning "Run".id`,
    [...fenceParams(fence), status, error.slice(0, 2000), status === "failed" ? 1 : 0],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Gives an item back to the queue untouched (its worker is shutting down); its events are kept. */
export async function releaseItem(fence: ItemFence): Promise<void> {
  await runPool().query(`update "RunItem" set status = 'pending', "claimedBy" = null, "heartbeatAt" = null where ${FENCE_SQL}`, fenceParams(fence));
}

/** Workers (by id) holding items in progress whose id starts with `prefix` (e.g. this host's). */
export async function listClaimants(prefix: string): Promise<string[]> {
  const r = await runPool().query<{ claimedBy: string }>(
    `select distinct "claimedBy" from "RunItem" where status = 'running' and starts_with("claimedBy", $1)`,
    [prefix],
  );
  return r.rows.map((x) => x.claimedBy);
}

/** Gives the items of workers known to be dead back to the queue at once (rather than after the timeout). */
export async function releaseClaims(workerIds: readonly string[]): Promise<number> {
  if (workerIds.length === 0) return 0;
  const r = await runPool().query(`update "RunItem" set status = 'pending', "claimedBy" = null, "heartbeatAt" = null where status = 'running' and "claimedBy" = any($1::text[])`, [
    [...workerIds],
  ]);
  return r.rowCount ?? 0;
}

/** queued → running (the first worker to start on a run); true when the run is (now) running. */
export async function markRunRunning(runId: number, workerId: string): Promise<boolean> {
  const r = await runPool().query<{ status: string }>(
    `update "Run" set status = case when status = 'queued' then 'running'::"RunStatus" else status end,
            "startedAt" = coalesce("startedAt", now()), "workerId" = coalesce("workerId", $2), "heartbeatAt" = now()
     where id = $1 and status in ('queued', 'running') and not "cancelRequested" returning status::text`,
    [runId, workerId],
  );
  return r.rows[0]?.status === "running";
}

export interface RunControl {
  kind: string;
  status: string;
  config: unknown;
  cancelRequested: boolean;
  costUsd: number;
  costCapUsd: number | null;
}

export async function readRunControl(runId: number): Promise<RunControl | null> {
  const r = await runPool().query<RunControl>(
    `select kind::text, status::text, config, "cancelRequested", "costUsd", "costCapUsd" from "Run" where id = $1`,
    [runId],
  );
  return r.rows[0] ?? null;
}

/** Runs with items a worker could take now: waiting ones, or ones whose worker went quiet. */
export async function findRunsWithWork(staleSeconds: number, limit: number): Promise<number[]> {
  const r = await runPool().query<{ id: number }>(
    `select r.id from "Run" r
     where r.status in ('queued', 'running') and r.kind in ('solve', 'generate_instructions', 'evaluate')
       and exists (select 1 from "RunItem" i where i."runId" = r.id
                   and (i.status = 'pending' or (i.status = 'running' and i."heartbeatAt" < now() - make_interval(secs => $1))))
     order by r.id limit $2`,
    [staleSeconds, limit],
  );
  return r.rows.map((x) => x.id);
}

export interface RunItemRow {
  id: number;
  key: string;
  instructionId: number | null;
  treeId: number | null;
  status: string;
  attempts: number;
  error: string | null;
  claimedBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  events: number;
}

/** A run's items for its page: running ones first, then the latest to finish. */
export async function listRunItems(runId: number, limit: number): Promise<RunItemRow[]> {
  const r = await runPool().query<RunItemRow>(
    `select i.id, i.key, i."instructionId", i."treeId", i.status::text, i.attempts, i.error, i."claimedBy", i."startedAt", i."finishedAt",
            (select count(*) from "RunItemEvent" e where e."runItemId" = i.id)::int as events
     from "RunItem" i where i."runId" = $1
     order by (i.status = 'running') desc, i."finishedAt" desc nulls last, i.id
     limit $2`,
    [runId, limit],
  );
  return r.rows;
}
