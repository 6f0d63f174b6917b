"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { exportQueries } from "@/lib/ui/queries/exports";
import { isActive, runQueries } from "@/lib/ui/queries/runs";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { RunHead } from "../../_components/run-head";
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
  const result = (run.result ?? undefined) as { exportId?: number } | undefined;
  const cancel = async () => {
    setCancelError(undefined);
    const r = await cancelExport(run.id);
    if (!r.ok) setCancelError(r.error.message);
    await queryClient.invalidateQueries({ queryKey: runQueries.all() });
  };
  return (
    <section aria-label="Export under way" className="rounded-lg border border-zinc-200 bg-white p-4">
      <RunHead run={run} title={<>Export run #{run.id}</>} progressLabel="Export progress" unit="trees" onCancel={cancel} />
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
