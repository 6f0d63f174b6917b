// How a shared run ends: the worker that finds it idle (no item waiting or in progress) writes its
// final status, once, under the run's row lock. A run asked to stop (cancel, cost cap) first skips
// what is left, including items of workers that went quiet.
import { inRunTransaction } from "../db/run-pool";

export type RunEnd = "succeeded" | "failed" | "cancelled";

export interface RunOutcome {
  /** The run's status after the call ("running" while items are still being worked on). */
  status: string;
  succeeded: number;
  failed: number;
  skipped: number;
}

const money = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/**
 * Ends the run if nothing is left to do. `staleSeconds` decides when a stopping run may skip an item
 * another worker holds (that worker is presumed dead).
 */
export async function finalizeRunIfIdle(
  runId: number,
  staleSeconds: number,
  describe: (counts: { succeeded: number; failed: number; skipped: number }) => string,
  result?: object,
): Promise<RunOutcome> {
  return inRunTransaction(async (db) => {
    const run = (
      await db.query<{ status: string; cancelRequested: boolean; costUsd: number; costCapUsd: number | null }>(
        `select status::text, "cancelRequested", "costUsd", "costCapUsd" from "Run" where id = $1 for update`,
        [runId],
      )
    ).rows[0];
    if (!run) return { status: "missing", succeeded: 0, failed: 0, skipped: 0 };
    const capReached = run.costCapUsd !== null && run.costUsd >= run.costCapUsd;
    const stopping = run.cancelRequested || capReached;
    const why = run.cancelRequested ? "cancelled" : `stopped at the cost cap (${money(run.costUsd)} of ${money(run.costCapUsd ?? 0)})`;
    if (stopping && (run.status === "queued" || run.status === "running")) {
      await db.query(
        `update "RunItem" set status = 'skipped', error = $2, "finishedAt" = now()
         where "runId" = $1 and (status = 'pending' or (status = 'running' and "heartbeatAt" < now() - make_interval(secs => $3)))`,
        [runId, `the run was ${why}`, staleSeconds],
      );
    }
    const c = (
      await db.query<{ pending: number; running: number; succeeded: number; failed: number; skipped: number; firstError: string | null }>(
        `select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'running')::int as running,
                count(*) filter (where status = 'succeeded')::int as succeeded, count(*) filter (where status = 'failed')::int as failed,
                count(*) filter (where status = 'skipped')::int as skipped,
                (array_agg(error order by "finishedAt") filter (where status = 'failed'))[1] as "firstError"
         from "RunItem" where "runId" = $1`,
        [runId],
      )
    ).rows[0]!;
    const counts = { succeeded: c.succeeded, failed: c.failed, skipped: c.skipped };
    if (run.status !== "queued" && run.status !== "running") return { status: run.status, ...counts };
    if (c.pending > 0 || c.running > 0) return { status: run.status, ...counts };
    const status: RunEnd = stopping ? "cancelled" : c.succeeded === 0 && c.failed > 0 ? "failed" : "succeeded";
    const message = `${stopping ? `${why[0]!.toUpperCase()}${why.slice(1)}: ` : ""}${describe(counts)}`;
    await db.query(
      `update "Run" set status = $2::"RunStatus", "finishedAt" = now(), "heartbeatAt" = now(), message = $3, error = $4,
              "progressDone" = $5, "progressFailed" = $6, result = coalesce($7::jsonb, result) where id = $1`,
      [
        runId, status, message, status === "failed" ? `Every item failed. The first error: ${c.firstError ?? "unknown"}` : null, c.succeeded + c.failed, c.failed,
        JSON.stringify({ ...counts, ...result }),
      ],
    );
    return { status, ...counts };
  });
}

/**
 * Fails a run at once (its endpoint refuses the key or does not know the model: every item would
 * fail alike). Waiting items are skipped; workers on other items stop at their next step.
 */
export async function failRun(runId: number, error: string): Promise<void> {
  await inRunTransaction(async (db) => {
    const updated = await db.query(
      `update "Run" set status = 'failed', error = $2, message = 'Stopped: the LLM endpoint cannot be used', "finishedAt" = now()
       where id = $1 and status in ('queued', 'running')`,
      [runId, error.slice(0, 2000)],
    );
    if ((updated.rowCount ?? 0) === 0) return;
    await db.query(`update "RunItem" set status = 'skipped', error = 'the run failed', "finishedAt" = now() where "runId" = $1 and status = 'pending'`, [runId]);
  });
}
