// Query keys and fetchers for trees.
import { queryOptions } from "@tanstack/react-query";
import type { TreeView } from "@/lib/server/services/trees";
import { fetchJson } from "../fetch-json";

/** Performance marks the tree page sets: its data has arrived; its first cards are painted and it takes input. The tree benchmark measures between them. */
export const TREE_DATA_MARK = "arbor:tree-data";
export const TREE_INTERACTIVE_MARK = "arbor:tree-interactive";

export const treeQueries = {
  all: () => ["trees"] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: [...treeQueries.all(), "detail", id] as const,
      queryFn: async ({ signal }) => {
        const view = await fetchJson<TreeView>(`/api/trees/${id}`, signal);
        performance.mark(TREE_DATA_MARK, { detail: { treeId: id, nodes: view.nodes.parentIdx.length } });
        return view;
      },
      // a tree only changes through a review, which invalidates this key
      staleTime: 5 * 60_000,
    }),
};
