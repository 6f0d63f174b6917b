"use client";

// The top of a run's card (imports, exports): its title, status and Cancel while it is active, then
// its progress bar with "n of m <unit>" and the latest message.
import type { ReactNode } from "react";
import { isActive, type RunJson } from "@/lib/ui/queries/runs";
import { RunStatusBadge } from "../import/_components/run-status-badge";
import { formatCount } from "../_lib/format";
import { percent } from "../runs/_components/run-format";

export function RunHead({ run, title, headingId, progressLabel, unit, onCancel }: { run: RunJson; title: ReactNode; headingId?: string; progressLabel: string; unit: string; onCancel: () => void }) {
  const pct = percent(run.progressDone, run.progressTotal, run.status);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {title} <span className="font-normal text-zinc-600">· {run.title}</span>
        </h2>
        <div className="flex items-center gap-2">
          <RunStatusBadge status={run.status} />
          {isActive(run) && (
            <button type="button" onClick={onCancel} className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-50">
              Cancel
            </button>
          )}
        </div>
      </div>
      <div className="mt-3">
        <progress aria-label={progressLabel} max={100} value={pct} className="h-2 w-full accent-emerald-600" />
        <p className="mt-1 text-xs text-zinc-600">
          {run.status === "queued" ? "Waiting for a worker…" : `${formatCount(run.progressDone)} of ${formatCount(run.progressTotal)} ${unit} (${pct}%)`}
          {run.message ? ` — ${run.message}` : ""}
        </p>
      </div>
    </>
  );
}
