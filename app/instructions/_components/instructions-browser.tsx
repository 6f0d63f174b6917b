"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { hasInstructionFilters, type InstructionListFilter } from "@/lib/core/schemas/instructions";
import { instructionQueries } from "@/lib/ui/queries/instructions";
import { EmptyState, ImportHint } from "../../_components/empty-state";
import { Pagination } from "../../_components/pagination";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";
import { InstructionFilters } from "./instruction-filters";
import { InstructionTable } from "./instruction-table";
import { useInstructionFilter } from "./use-instruction-filter";

export function InstructionsBrowser() {
  const { parsed, hrefFor, update } = useInstructionFilter();
  if (!parsed.ok) {
    return (
      <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        <p className="font-medium">This link has filters the list does not understand</p>
        <p className="mt-1 break-words">{parsed.message}</p>
        <Link href={hrefFor({})} className="mt-2 inline-block font-medium underline">
          Show all instructions
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <InstructionFilters filter={parsed.value} onChange={update} clearHref={hrefFor({})} />
      <InstructionResults filter={parsed.value} hrefFor={hrefFor} />
    </div>
  );
}

function InstructionResults({ filter, hrefFor }: { filter: InstructionListFilter; hrefFor: (f: Partial<InstructionListFilter>) => string }) {
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(instructionQueries.list(filter));
  if (isPending) return <LoadingRows label="Loading instructions" rows={10} />;
  if (error) return <ErrorNotice title="The instructions could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (data.total === 0) {
    return hasInstructionFilters(filter) ? (
      <EmptyState
        title="No instructions match these filters"
        action={
          <Link href={hrefFor({})} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            Clear filters
          </Link>
        }
      >
        <p>Full-text search matches whole words (stemmed): “tracking” finds “track”. Use quotes for a phrase and a leading minus to exclude a word.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No instructions yet">
        <ImportHint what="instruction files (G1_query.json …) or answer files" />
      </EmptyState>
    );
  }
  const pager = (label: string) => (
    <Pagination label={label} page={data.page} pageSize={data.pageSize} total={data.total} pageCount={data.pageCount} hrefFor={(page) => hrefFor({ ...filter, page })} busy={isPlaceholderData} />
  );
  if (data.items.length === 0) {
    return (
      <EmptyState
        title={`Page ${formatCount(data.page)} is past the end`}
        action={
          <Link href={hrefFor({ ...filter, page: 1 })} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            Go to the first page
          </Link>
        }
      >
        <p>
          {formatCount(data.total)} instructions match, on {formatCount(data.pageCount)} pages.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {pager("Pagination")}
      <div className={`transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`} aria-busy={isPlaceholderData}>
        <InstructionTable items={data.items} />
      </div>
      {data.items.length > 20 && pager("Pagination, bottom")}
    </div>
  );
}
