"use client";

// The tree of the item being solved, growing as the worker stores each step: the tree viewer's
// canvas and inspector over the item's events. Follows the newest node unless told otherwise.
import { useQuery } from "@tanstack/react-query";
import { runQueries } from "@/lib/ui/queries/runs";
import { ErrorNotice } from "../../_components/query-status";
import { LiveTree } from "./live-tree";

export function LiveTreePanel({ runId, itemId, status, active, onFollowCurrent }: { runId: number; itemId?: number; status: string; active: boolean; onFollowCurrent: () => void }) {
  const query = useQuery(runQueries.live(runId, itemId, status, active));
  if (query.isError) return <ErrorNotice title="Could not load the tree being searched" error={query.error} />;
  const live = query.data?.live;
  if (!live) {
    return (
      <section aria-label="Live tree" className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-sm text-zinc-600">
        {active ? "The first step has not been stored yet." : "No tree is being searched: finished trees are linked below."}
      </section>
    );
  }
  return (
    <section aria-labelledby="live-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="live-heading" className="text-sm font-semibold">
          {live.item.status === "running" ? "Searching" : `Stored steps (${live.item.status})`}: instruction #{live.view.instruction.id} · {live.view.tree.size} nodes ·{" "}
          {live.item.llmCalls} LLM calls
        </h2>
        {itemId !== undefined && (
          <button type="button" onClick={onFollowCurrent} className="text-xs text-sky-800 hover:underline">
            Follow the current item
          </button>
        )}
      </div>
      <p className="text-sm text-zinc-700">{live.view.instruction.query}</p>
      <LiveTree key={live.item.id} view={live.view} />
    </section>
  );
}
