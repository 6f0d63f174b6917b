// Query keys and fetchers for the catalog (browse, search, tool picker).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { CatalogSearchResult, CategoryRow, ToolSuggestion } from "@/lib/server/services/catalog";
import { fetchJson } from "../fetch-json";

export const catalogQueries = {
  all: () => ["catalog"] as const,
  categories: () =>
    queryOptions({
      queryKey: [...catalogQueries.all(), "categories"] as const,
      queryFn: ({ signal }) => fetchJson<CategoryRow[]>("/api/catalog/categories", signal),
    }),
  search: (q: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), "search", q] as const,
      queryFn: ({ signal }) => fetchJson<CatalogSearchResult>(`/api/catalog/search?${new URLSearchParams({ q })}`, signal),
      placeholderData: keepPreviousData,
      enabled: q.trim() !== "",
    }),
  toolSuggestions: (q: string, category: string | undefined) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), "tool-suggestions", { q, category }] as const,
      queryFn: ({ signal }) => {
        const params = new URLSearchParams();
        if (q.trim()) params.set("q", q.trim());
        if (category) params.set("category", category);
        return fetchJson<ToolSuggestion[]>(`/api/catalog/tools?${params}`, signal);
      },
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  tool: (id: number) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), "tool", id] as const,
      queryFn: ({ signal }) => fetchJson<ToolSuggestion>(`/api/catalog/tools/${id}`, signal),
      staleTime: 5 * 60_000,
    }),
};
