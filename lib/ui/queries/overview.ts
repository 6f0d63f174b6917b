// Query keys and fetchers for the Overview page.
import { queryOptions } from "@tanstack/react-query";
import type { Overview } from "@/lib/server/services/overview";
import { fetchJson } from "../fetch-json";

export const overviewQueries = {
  all: () => ["overview"] as const,
  stats: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "stats"] as const,
      queryFn: ({ signal }) => fetchJson<Overview>("/api/overview", signal),
    }),
};
