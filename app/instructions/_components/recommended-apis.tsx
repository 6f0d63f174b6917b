"use client";

// The catalog APIs retrieval ranks highest for the query (BM25, or embeddings / both fused once the
// catalog is embedded; the choice lives in the URL), marking the instruction's relevant and sampled
// ones, with NDCG@1 / @5 of the ranking when the instruction names relevant APIs.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { RETRIEVAL_METHOD_LABEL, RETRIEVAL_METHODS, type RetrievalMethod } from "@/lib/core/retrieval/embeddings";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { Badge } from "../../_components/badge";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { apiHref } from "../../_lib/links";

const readMethod = (v: string | null): RetrievalMethod => (RETRIEVAL_METHODS as readonly string[]).includes(v ?? "") ? (v as RetrievalMethod) : "bm25";

function MethodChoice({ methods, value }: { methods: RetrievalMethod[]; value: RetrievalMethod }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const choose = (m: RetrievalMethod) => {
    const next = new URLSearchParams(params.toString());
    if (m === "bm25") next.delete("retrieval");
    else next.set("retrieval", m);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return (
    <div role="group" aria-label="Retrieval method" className="mb-2 inline-flex rounded-md border border-zinc-300 bg-white p-0.5 text-xs">
      {methods.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={m === value}
          onClick={() => choose(m)}
          className={`rounded px-2 py-1 ${m === value ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}
        >
          {RETRIEVAL_METHOD_LABEL[m]}
        </button>
      ))}
    </div>
  );
}

export function RecommendedApis({ instructionId }: { instructionId: number }) {
  const method = readMethod(useSearchParams().get("retrieval"));
  const q = useQuery({ ...instructionQueries.recommendations(instructionId, 10, method), placeholderData: keepPreviousData });
  if (q.isPending) return <LoadingRows label="Ranking the catalog" rows={3} />;
  if (q.isError) {
    return (
      <>
        {method !== "bm25" && <MethodChoice methods={[...RETRIEVAL_METHODS]} value={method} />}
        <ErrorNotice title="Could not rank the catalog" error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  }
  const { recommendations: rows, catalogApis, ndcg1, ndcg5, methods, model } = q.data;
  const choice = methods.length > 1 && <MethodChoice methods={methods} value={q.data.method} />;
  if (rows.length === 0) {
    return (
      <>
        {choice}
        <p className="rounded-md border border-dashed border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-600">No catalog API shares a word with this query. Import tool files or instruction files to grow the catalog.</p>
      </>
    );
  }
  return (
    <>
    {choice}
    <div className="rounded-lg border border-zinc-200 bg-white" aria-busy={q.isPlaceholderData}>
      <p className="border-b border-zinc-100 px-3 py-2 text-xs text-zinc-600">
        {RETRIEVAL_METHOD_LABEL[q.data.method]}
        {model ? ` (${model})` : ""} over {catalogApis.toLocaleString("en-US")} catalog APIs
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
            <span className="w-12 shrink-0 text-right font-mono text-xs tabular-nums text-zinc-500" title={SCORE_TITLE[q.data.method]}>
              {r.score.toFixed(q.data.method === "hybrid" ? 3 : 2)}
            </span>
          </li>
        ))}
      </ol>
    </div>
    </>
  );
}

const SCORE_TITLE: Record<RetrievalMethod, string> = {
  bm25: "BM25 score",
  embedding: "cosine similarity",
  hybrid: "reciprocal rank fusion score",
};
