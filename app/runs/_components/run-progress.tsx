"use client";

// A run's progress bar, counters (items, LLM calls, tokens, cost against its cap, failures), and
// its controls: cancel while it runs, retry the failed and skipped items once it has ended.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { isActive, runQueries, type RunJson } from "@/lib/ui/queries/runs";
import { formatCount } from "../../_lib/format";
import { RunStatusBadge } from "../../import/_components/run-status-badge";
import { secondaryButton } from "../../settings/_components/field";
import { cancelRunAction, retryRunAction } from "../actions";
import { formatUsd, percent } from "./run-format";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-zinc-50 px-3 py-2">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function RunProgress({ run, canRun }: { run: RunJson; canRun: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const [cap, setCap] = useState("");
  const pct = percent(run.progressDone, run.progressTotal, run.status);
  const unit = run.progressLabel ?? "items";
  const ended = !isActive(run);
  const canRetry = canRun && ended && (run.progressFailed > 0 || run.progressDone < run.progressTotal);

  const act = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      setError(undefined);
      const r = await fn();
      if (!r.ok) setError(r.error?.message);
      await queryClient.invalidateQueries({ queryKey: runQueries.all() });
    });

  return (
    <section aria-label="Run progress" className="rounded-lg border border-zinc-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2 text-sm">
          <RunStatusBadge status={run.status} />
          {run.message && <span className="text-zinc-600">{run.message}</span>}
        </div>
        <div className="flex items-center gap-2">
          {canRun && isActive(run) && (
            <button type="button" disabled={pending || run.cancelRequested} onClick={() => act(() => cancelRunAction(run.id))} className={secondaryButton}>
              {run.cancelRequested ? "Cancelling…" : "Cancel"}
            </button>
          )}
          {canRetry && (
            <>
              <label className="flex items-center gap-1 text-xs text-zinc-600">
                New cost cap
                <input value={cap} onChange={(e) => setCap(e.target.value)} type="number" step="any" min="0" placeholder="keep" className="w-20 rounded border border-zinc-300 px-1 py-0.5" />
              </label>
              <button type="button" disabled={pending} onClick={() => act(() => retryRunAction({ runId: run.id, ...(cap ? { costCapUsd: Number(cap) } : {}) }))} className={secondaryButton}>
                Retry failed and skipped items
              </button>
            </>
          )}
        </div>
      </div>
      <div className="mt-3">
        <progress aria-label="Items done" max={100} value={pct} className="h-2 w-full accent-emerald-600" />
        <p className="mt-1 text-xs text-zinc-600">
          {run.status === "queued" ? "Waiting for a worker… " : ""}
          {formatCount(run.progressDone)} of {formatCount(run.progressTotal)} {unit} done ({pct}%)
        </p>
      </div>
      <dl aria-label="Run statistics" className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={`${unit[0]!.toUpperCase()}${unit.slice(1)} done`} value={`${formatCount(run.progressDone)} / ${formatCount(run.progressTotal)}`} />
        <Stat label="Failed" value={formatCount(run.progressFailed)} />
        <Stat label="LLM calls" value={formatCount(run.llmCalls)} />
        <Stat label="Prompt tokens" value={formatCount(run.promptTokens)} />
        <Stat label="Completion tokens" value={formatCount(run.completionTokens)} />
        <Stat label={run.costCapUsd !== null ? `Cost (cap ${formatUsd(run.costCapUsd)})` : "Cost"} value={formatUsd(run.costUsd)} />
      </dl>
      {error && <p role="alert" className="mt-2 text-sm text-rose-700">{error}</p>}
      {run.error && <p role="alert" className="mt-2 text-sm text-rose-700">{run.error}</p>}
    </section>
  );
}
