"use client";

// The catalog APIs BM25 ranks highest for the query, marking the instruction's relevant and sampled
// ones, with NDCG@1 / @5 of the ranking when the instruction names relevant APIs.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { Badge } from "../../_components/badge";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { apiHref } from "../../_lib/links";

export function RecommendedApis({ instructionId }: { instructionId: number }) {
  const q = useQuery(instructionQueries.recommendations(instructionId));
  if (q.isPending) return <LoadingRows label="Ranking the catalog" rows={3} />;
  if (q.isError) return <ErrorNotice title="Could not rank the catalog" error={q.error} onRetry={() => void q.refetch()} />;
  const { recommendations: rows, catalogApis, ndcg1, ndcg5 } = q.data;
  if (rows.length === 0) {
    return <p className="rounded-md border border-dashed border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-600">No catalog API shares a word with this query. Import tool files or instruction files to grow the catalog.</p>;
  }
  return (
    <div className="rounded-lg border border-zinc-200 bg-white">
      <p className="border-b border-zinc-100 px-3 py-2 text-xs text-zinc-600">
        BM25 over {catalogApis.toLocaleString("en-US")} catalog APIs
        {ndcg1 !== null && ndcg5 !== null && (
          <>
            {" "}
            · against the relevant APIs: <span data-testid="ndcg">NDCG@1 {ndcg1.toFixed(1)} · NDCG@5 {ndcg5.toFixed(1)}</span>
          </>
        )}
      </p>
      <ol aria-label="Recommended APIs" className="divide-y divide-zinc-100 text-sm">
        {rows.map((r, i) => (
          <li key={r.apiId} className="flex items-baseline gap-3 px-3 py-1.5">
            <span className="w-5 shrink-0 text-right tabular-nums text-zinc-400">{i + 1}</span>
            <div className="min-w-0 flex-1">
              <Link href={apiHref(r.apiId)} className="font-mono text-[13px] text-zinc-900 hover:underline">
                {r.functionName}
              </Link>
              <p className="truncate text-xs text-zinc-500">
                {r.category} · {r.tool} · {r.api}
                {r.description ? ` — ${r.description}` : ""}
              </p>
            </div>
            {r.relevant && <Badge tone="emerald">relevant</Badge>}
            {!r.relevant && r.sampled && <Badge tone="zinc">sampled</Badge>}
            <span className="w-12 shrink-0 text-right font-mono text-xs tabular-nums text-zinc-500" title="BM25 score">
              {r.score.toFixed(2)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
