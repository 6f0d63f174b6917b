"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatCount } from "@/app/_lib/format";
import { exportQueries } from "@/lib/ui/queries/exports";
import { isActive, runQueries } from "@/lib/ui/queries/runs";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { RunStatusBadge } from "../../import/_components/run-status-badge";
import { cancelExport } from "../actions";

/** The export under way: progress over the matching trees, then a link to its snapshot. */
export function ExportRunCard({ runId }: { runId: number }) {
  const query = useQuery(runQueries.detail(runId));
  const queryClient = useQueryClient();
  const [cancelError, setCancelError] = useState<string | undefined>();
  const status = query.data?.status;
  useEffect(() => {
    if (status && !isActive({ status })) void queryClient.invalidateQueries({ queryKey: exportQueries.all() });
  }, [status, queryClient]);
  if (query.isPending) return <LoadingRows label="Loading the export" rows={2} />;
  if (query.isError) return <ErrorNotice title={`Could not load export run #${runId}`} error={query.error} onRetry={() => query.refetch()} />;
  const run = query.data;
  const pct = run.progressTotal > 0 ? Math.round((run.progressDone / run.progressTotal) * 100) : run.status === "succeeded" ? 100 : 0;
  const result = (run.result ?? undefined) as { exportId?: number } | undefined;
  const cancel = async () => {
    setCancelError(undefined);
    const r = await cancelExport(run.id);
    if (!r.ok) setCancelError(r.error.message);
    await queryClient.invalidateQueries({ queryKey: runQueries.all() });
  };
  return (
    <section aria-label="Export under way" className="rounded-lg border border-zinc-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          Export run #{run.id} <span className="font-normal text-zinc-600">· {run.title}</span>
        </h2>
        <div className="flex items-center gap-2">
          <RunStatusBadge status={run.status} />
          {isActive(run) && (
            <button type="button" onClick={cancel} className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-50">
              Cancel
            </button>
          )}
        </div>
      </div>
      <progress aria-label="Export progress" max={100} value={pct} className="mt-3 h-2 w-full accent-emerald-600" />
      <p className="mt-1 text-xs text-zinc-600">
        {run.status === "queued" ? "Waiting for a worker…" : `${formatCount(run.progressDone)} of ${formatCount(run.progressTotal)} trees (${pct}%)`}
        {run.message ? ` — ${run.message}` : ""}
      </p>
      {run.status === "succeeded" && result?.exportId !== undefined && (
        <p className="mt-2 text-sm">
          <a href={`/api/exports/${result.exportId}/download`} download className="font-medium text-emerald-700 underline underline-offset-2">
            Download snapshot #{result.exportId}
          </a>
        </p>
      )}
      {cancelError && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {cancelError}
        </p>
      )}
      {run.error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {run.error}
        </p>
      )}
    </section>
  );
}
