"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { hasTreeFilters, type TreeListFilter } from "@/lib/core/schemas/trees";
import { treeListQueries } from "@/lib/ui/queries/tree-list";
import { EmptyState, ImportHint } from "../../_components/empty-state";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";
import { TreePager } from "./tree-pager";
import { TreeTable } from "./tree-table";

const buttonClass = "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50";

export function TreeResults({ filter, hrefFor }: { filter: TreeListFilter; hrefFor: (f: Partial<TreeListFilter>) => string }) {
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(treeListQueries.list(filter));
  if (isPending) return <LoadingRows label="Loading trees" rows={10} />;
  if (error) return <ErrorNotice title="The trees could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (data.total === 0) {
    return hasTreeFilters(filter) ? (
      <EmptyState
        title="No trees match these filters"
        action={
          <Link href={hrefFor({ sort: filter.sort, dir: filter.dir })} className={buttonClass}>
            Clear filters
          </Link>
        }
      >
        <p>Full-text search matches whole words (stemmed) in the query and in the final answer. Use quotes for a phrase and a leading minus to exclude a word.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No trees yet">
        <ImportHint what="answer files (DFSDT or CoT trees, e.g. toolbench/answer/G1_answer)" />
      </EmptyState>
    );
  }
  if (data.items.length === 0) {
    return (
      <EmptyState
        title={`Page ${formatCount(data.page)} is past the end`}
        action={
          <Link href={hrefFor({ ...filter, page: 1 })} className={buttonClass}>
            Go to the first page
          </Link>
        }
      >
        <p>{data.totalKind === "exact" ? `${formatCount(data.total)} trees match, on ${formatCount(data.pageCount ?? 1)} pages.` : "Fewer trees match than this page would start at."}</p>
      </EmptyState>
    );
  }
  const pager = (label: string) => <TreePager label={label} data={data} busy={isPlaceholderData} hrefFor={(page) => hrefFor({ ...filter, page })} />;
  return (
    <div className="space-y-3">
      {pager("Pagination")}
      <div className={`transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`} aria-busy={isPlaceholderData}>
        <TreeTable items={data.items} filter={filter} />
      </div>
      {pager("Pagination (bottom)")}
    </div>
  );
}
