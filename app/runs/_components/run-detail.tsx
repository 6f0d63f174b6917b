"use client";

// A run's page: its progress (refreshed while it runs), the tree of the item being solved growing
// step by step, and its items with links to the trees they produced.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { isActive, runQueries } from "@/lib/ui/queries/runs";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";
import { instructionsHref } from "../../_lib/links";
import { LiveTreePanel } from "./live-tree-panel";
import { RunItems } from "./run-items";
import { RunProgress } from "./run-progress";

export function RunDetail({ runId, canRun }: { runId: number; canRun: boolean }) {
  const query = useQuery(runQueries.detail(runId));
  const [watched, setWatched] = useState<number | undefined>();
  if (query.isPending) return <LoadingRows label="Loading the run" rows={4} />;
  if (query.isError) return <ErrorNotice title={`Could not load run #${runId}`} error={query.error} onRetry={() => void query.refetch()} />;
  const run = query.data;
  const active = isActive(run);
  const result = (run.result ?? {}) as Record<string, number | undefined>;
  return (
    <div className="space-y-6">
      <RunProgress run={run} canRun={canRun} />
      {run.kind === "generate_instructions" && (run.status === "succeeded" || (result.inserted ?? 0) > 0) && (
        <section aria-label="Generated instructions" className="rounded-lg border border-zinc-200 bg-white p-4 text-sm">
          <p>
            {formatCount(result.inserted ?? 0)} new instructions ({formatCount(result.dropped ?? 0)} dropped by the hallucination filter,{" "}
            {formatCount(result.duplicates ?? 0)} already known).{" "}
            <Link href={instructionsHref({ run: run.id })} className="font-medium text-emerald-800 hover:underline">
              See the generated instructions
            </Link>
          </p>
        </section>
      )}
      {run.kind === "evaluate" && (
        <p className="text-sm">
          <Link href={`/evaluations?run=${run.id}`} className="font-medium text-emerald-800 hover:underline">
            See the evaluation report
          </Link>
        </p>
      )}
      {run.kind === "solve" && <LiveTreePanel runId={runId} itemId={watched} status={run.status} active={active} onFollowCurrent={() => setWatched(undefined)} />}
      <RunItems runId={runId} kind={run.kind} version={`${run.status}:${run.progressDone}:${run.progressFailed}`} active={active} watched={watched} onWatch={setWatched} />
    </div>
  );
}
