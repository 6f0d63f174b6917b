"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatCount } from "@/app/_lib/format";
import { runQueries, type RunJson } from "@/lib/ui/queries/runs";
import { RunHead } from "../../_components/run-head";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { cancelImport } from "../actions";
import type { ImportSummary } from "@/lib/server/services/import-files";

type Summary = ImportSummary;

const COUNTS: [keyof Summary, string][] = [
  ["files", "files read"],
  ["instructions", "new instructions"],
  ["trees", "new trees"],
  ["nodes", "new nodes"],
  ["categories", "new categories"],
  ["tools", "new tools"],
  ["apis", "new APIs"],
  ["duplicateTrees", "trees already here"],
  ["labelledTrees", "trees given judge labels"],
];

export function RunCard({ runId }: { runId: number }) {
  const query = useQuery(runQueries.detail(runId));
  const queryClient = useQueryClient();
  const [cancelError, setCancelError] = useState<string | undefined>();
  if (query.isPending) return <LoadingRows label="Loading the import" rows={3} />;
  if (query.isError) return <ErrorNotice title={`Could not load import #${runId}`} error={query.error} onRetry={() => query.refetch()} />;
  const run: RunJson = query.data;
  const summary = (run.result ?? undefined) as Summary | undefined;

  const cancel = async () => {
    setCancelError(undefined);
    const r = await cancelImport(run.id);
    if (!r.ok) setCancelError(r.error.message);
    await queryClient.invalidateQueries({ queryKey: runQueries.all() });
  };

  return (
    <section aria-labelledby="run-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <RunHead run={run} title={<>Import #{run.id}</>} headingId="run-heading" progressLabel="Import progress" unit="files" onCancel={cancel} />
      {cancelError && <p role="alert" className="mt-2 text-sm text-rose-700">{cancelError}</p>}
      {run.error && <p role="alert" className="mt-2 text-sm text-rose-700">{run.error}</p>}
      {summary && (
        <>
          <dl aria-label="Import summary" className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {COUNTS.map(([key, label]) => (
              <div key={key} className="rounded-md bg-zinc-50 px-3 py-2">
                <dt className="text-xs text-zinc-500">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatCount(Number(summary[key] ?? 0))}</dd>
              </div>
            ))}
          </dl>
          {summary.errors.length > 0 && (
            <div className="mt-4">
              <h3 className="text-sm font-semibold text-rose-800">
                {summary.errors.length} file{summary.errors.length === 1 ? "" : "s"} could not be imported (nothing of {summary.errors.length === 1 ? "it" : "them"} was written)
              </h3>
              <ul aria-label="Files that failed" className="mt-2 max-h-72 space-y-1 overflow-auto text-sm">
                {summary.errors.map((e) => (
                  <li key={e.file} className="rounded border border-rose-200 bg-rose-50 px-2 py-1">
                    <span className="font-mono text-xs">{e.file}</span>
                    <span className="block text-rose-900">{e.message}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {summary.skipped.length > 0 && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-zinc-600">{summary.skipped.length} skipped</summary>
              <ul className="mt-1 space-y-0.5 font-mono text-xs text-zinc-600">
                {summary.skipped.map((s) => (
                  <li key={s.file}>
                    {s.file}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
