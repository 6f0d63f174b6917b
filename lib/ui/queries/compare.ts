// Query keys and fetchers for the side-by-side comparison of two trees.
import { queryOptions } from "@tanstack/react-query";
import { compareSearch } from "@/lib/core/schemas/compare";
import type { TreeComparison } from "@/lib/server/services/compare";
import { fetchJson } from "../fetch-json";

export const compareQueries = {
  all: () => ["compare"] as const,
  pair: (a: number, b: number | undefined) =>
    queryOptions({
      queryKey: [...compareQueries.all(), a, b ?? null] as const,
      queryFn: ({ signal }) => fetchJson<TreeComparison>(`/api/compare?${compareSearch({ a, b })}`, signal),
      staleTime: 60_000,
    }),
};
