"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCount } from "@/app/_lib/format";
import { runQueries } from "@/lib/ui/queries/runs";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { RunStatusBadge } from "./run-status-badge";

export function RecentImports({ selected, onSelect }: { selected?: number; onSelect: (id: number) => void }) {
  const query = useQuery(runQueries.imports());
  return (
    <aside aria-labelledby="recent-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="recent-heading" className="text-sm font-semibold">Recent imports</h2>
      {query.isPending && <LoadingRows label="Loading recent imports" rows={4} />}
      {query.isError && <ErrorNotice title="Could not load recent imports" error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.length === 0 && <p className="mt-2 text-sm text-zinc-600">No imports yet. Upload files or name a folder to start.</p>}
      {query.data && query.data.length > 0 && (
        <ul className="mt-2 divide-y divide-zinc-100">
          {query.data.map((run) => {
            const result = run.result as { trees?: number; errors?: unknown[] } | null;
            return (
              <li key={run.id}>
                <button
                  type="button"
                  onClick={() => onSelect(run.id)}
                  aria-current={selected === run.id ? "true" : undefined}
                  className={`w-full px-2 py-2 text-left text-sm hover:bg-zinc-50 ${selected === run.id ? "bg-emerald-50" : ""}`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-medium">#{run.id}</span>
                    <RunStatusBadge status={run.status} />
                  </span>
                  <span className="block truncate text-xs text-zinc-600">{run.title}</span>
                  <span className="block text-xs text-zinc-500">
                    {new Date(run.createdAt).toLocaleString("en-GB")}
                    {result ? ` · ${formatCount(result.trees ?? 0)} trees` : ""}
                    {result?.errors?.length ? ` · ${result.errors.length} failed` : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
