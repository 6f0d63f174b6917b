// Query keys and fetchers for the instruction list and its filters.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { toInstructionListSearch, type InstructionListFilter } from "@/lib/core/schemas/instructions";
import type { InstructionFacets, InstructionPage, SourceFileRow } from "@/lib/server/services/instructions";
import type { InstructionRecommendations } from "@/lib/server/services/retrieval";
import { fetchJson } from "../fetch-json";
import type { RetrievalMethod } from "@/lib/core/retrieval/embeddings";

export const instructionQueries = {
  all: () => ["instructions"] as const,
  list: (filter: InstructionListFilter) =>
    queryOptions({
      queryKey: [...instructionQueries.all(), "list", filter] as const,
      queryFn: ({ signal }) => fetchJson<InstructionPage>(`/api/instructions?${toInstructionListSearch(filter)}`, signal),
      // keep the current page on screen while the next one loads
      placeholderData: keepPreviousData,
    }),
  facets: () =>
    queryOptions({
      queryKey: [...instructionQueries.all(), "facets"] as const,
      queryFn: ({ signal }) => fetchJson<InstructionFacets>("/api/instructions/facets", signal),
      staleTime: 60_000,
    }),
  sources: (q: string) =>
    queryOptions({
      queryKey: [...instructionQueries.all(), "sources", q] as const,
      queryFn: ({ signal }) => {
        const params = new URLSearchParams();
        if (q.trim()) params.set("q", q.trim());
        return fetchJson<SourceFileRow[]>(`/api/instructions/sources?${params}`, signal);
      },
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  recommendations: (instructionId: number, k = 10, method: RetrievalMethod = "bm25") =>
    queryOptions({
      queryKey: [...instructionQueries.all(), "recommendations", instructionId, k, method] as const,
      queryFn: ({ signal }) => fetchJson<InstructionRecommendations>(`/api/instructions/${instructionId}/recommendations?k=${k}&method=${method}`, signal),
      staleTime: 60_000,
    }),
};
