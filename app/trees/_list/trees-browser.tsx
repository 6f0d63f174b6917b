"use client";

import Link from "next/link";
import { SavedViews } from "./saved-views";
import { TreeFilters } from "./tree-filters";
import { TreeResults } from "./tree-results";
import { useTreeFilter } from "./use-tree-filter";

export function TreesBrowser() {
  const { parsed, viewQuery, hrefFor, update } = useTreeFilter();
  if (!parsed.ok) {
    return (
      <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        <p className="font-medium">This link has filters the tree list does not understand</p>
        <p className="mt-1 break-words">{parsed.message}</p>
        <Link href={hrefFor({})} className="mt-2 inline-block font-medium underline">
          Show all trees
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <SavedViews viewQuery={viewQuery} hrefFor={(query) => (query ? `/trees?${query}` : "/trees")} />
      <TreeFilters filter={parsed.value} onChange={update} clearHref={hrefFor({ sort: parsed.value.sort, dir: parsed.value.dir })} />
      <TreeResults filter={parsed.value} hrefFor={hrefFor} />
    </div>
  );
}
