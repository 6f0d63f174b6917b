// Query keys and fetchers for the tree list, its filter options and the user's saved views. Keys
// start with "trees" so that invalidating ["trees"] (after a review) refreshes lists too.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { toTreeListSearch, type TreeListFilter } from "@/lib/core/schemas/trees";
import type { SavedViewRow } from "@/lib/server/services/saved-views";
import type { TreeFacets, TreeListPage } from "@/lib/server/services/tree-list";
import { fetchJson } from "../fetch-json";

/** A saved view as JSON delivers it. */
export type SavedView = Omit<SavedViewRow, "createdAt"> & { createdAt: string };

export const treeListQueries = {
  all: () => ["trees"] as const,
  list: (filter: TreeListFilter) =>
    queryOptions({
      queryKey: [...treeListQueries.all(), "list", filter] as const,
      queryFn: ({ signal }) => fetchJson<TreeListPage>(`/api/trees?${toTreeListSearch(filter)}`, signal),
      // keep the current page on screen while the next one loads
      placeholderData: keepPreviousData,
    }),
  facets: () =>
    queryOptions({
      queryKey: [...treeListQueries.all(), "facets"] as const,
      queryFn: ({ signal }) => fetchJson<TreeFacets>("/api/trees/facets", signal),
      staleTime: 60_000,
    }),
  views: () =>
    queryOptions({
      queryKey: [...treeListQueries.all(), "views"] as const,
      queryFn: ({ signal }) => fetchJson<SavedView[]>("/api/trees/views", signal),
    }),
};
