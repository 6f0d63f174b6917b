"use client";

// The comparison page: two trees of one instruction (GET /api/compare through TanStack Query), the
// facts of each side by side, and their calls aligned step by step.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { compareQueries } from "@/lib/ui/queries/compare";
import type { TreeComparison } from "@/lib/server/services/compare";
import { GroupBadge } from "../../_components/badge";
import { PageHeader } from "../../_components/page-header";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { instructionHref } from "../../_lib/links";
import { AlignedCalls, AlignmentSummaryLine } from "./aligned-calls";
import { compareHref } from "./links";
import { TreeFacts } from "./tree-facts";

const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600";

function TreePicker({ data }: { data: TreeComparison }) {
  const router = useRouter();
  const options = data.trees.filter((t) => t.id !== data.a.id);
  const name = (t: TreeComparison["trees"][number]) => `#${t.id} · ${t.methodLabel}${t.model ? ` · ${t.model}` : ""}${t.finishType ? ` · ${t.finishType}` : ""}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="compare-with" className="mb-1 block text-xs font-medium text-zinc-600">
          Compare tree #{data.a.id} with
        </label>
        <select
          id="compare-with"
          className={selectClass}
          value={data.b?.id ?? ""}
          onChange={(e) => {
            if (e.target.value) router.push(compareHref(data.a.id, Number(e.target.value)));
          }}
        >
          {data.b === null && <option value="">Choose a tree…</option>}
          {options.map((t) => (
            <option key={t.id} value={t.id}>
              {name(t)}
            </option>
          ))}
        </select>
      </div>
      {data.b && (
        <Link href={compareHref(data.b.id, data.a.id)} className="rounded-md px-2 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50">
          Swap sides
        </Link>
      )}
      {options.length === 0 && <p className="text-sm text-zinc-500">This instruction has no other tree to compare with.</p>}
    </div>
  );
}

export function CompareView({ a, b }: { a: number; b?: number }) {
  const query = useQuery(compareQueries.pair(a, b));
  if (query.isPending) return <LoadingRows label="Loading the comparison" rows={8} />;
  if (query.isError) return <ErrorNotice title="The comparison could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const ins = data.instruction;
  const insLabel = `${ins.group} · ${ins.externalId ? `query ${ins.externalId}` : `#${ins.id}`}`;
  return (
    <div>
      <PageHeader
        title={data.b ? `Compare trees #${data.a.id} and #${data.b.id}` : `Compare tree #${data.a.id}`}
        crumbs={[{ label: "Instructions", href: "/instructions" }, { label: insLabel, href: instructionHref(ins.id) }, { label: "Compare" }]}
      />
      <section aria-label="Query" className="mb-4 flex items-start gap-2 rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <GroupBadge group={ins.group} />
        <p className="whitespace-pre-wrap break-words text-sm text-zinc-900">{ins.query}</p>
      </section>
      <TreePicker data={data} />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <TreeFacts side="A" tree={data.a} />
        {data.b ? (
          <TreeFacts side="B" tree={data.b} />
        ) : (
          <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-sm text-zinc-600">Choose a second tree of this instruction to compare.</p>
        )}
      </div>
      {data.b && data.summary && (
        <section aria-labelledby="aligned-heading" className="mt-6 space-y-2">
          <h2 id="aligned-heading" className="text-sm font-semibold text-zinc-900">
            Calls, aligned step by step
          </h2>
          <AlignmentSummaryLine summary={data.summary} />
          <AlignedCalls rows={data.rows} aId={data.a.id} bId={data.b.id} />
        </section>
      )}
    </div>
  );
}
