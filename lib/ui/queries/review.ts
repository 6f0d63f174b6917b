// Query keys and fetchers for reviewing: a tree's review context, the dashboard, bulk previews.
import { queryOptions } from "@tanstack/react-query";
import type { BulkFilter } from "@/lib/core/schemas/reviews";
import type { BulkActionRow } from "@/lib/server/services/review-bulk";
import type { ReviewDashboard } from "@/lib/server/services/review-dashboard";
import type { ReviewContext } from "@/lib/server/services/reviews";
import { fetchJson } from "../fetch-json";

type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type ReviewContextJson = Json<ReviewContext>;
export type ReviewDashboardJson = Json<ReviewDashboard>;
export type BulkPreviewJson = { count: number; actions: Json<BulkActionRow>[] };

const query = (filter: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
};

export const reviewQueries = {
  all: () => ["review"] as const,
  context: (treeId: number) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), "context", treeId] as const,
      queryFn: ({ signal }) => fetchJson<ReviewContextJson>(`/api/trees/${treeId}/review`, signal),
    }),
  dashboard: () =>
    queryOptions({
      queryKey: [...reviewQueries.all(), "dashboard"] as const,
      queryFn: ({ signal }) => fetchJson<ReviewDashboardJson>("/api/review/dashboard", signal),
    }),
  bulk: (filter: BulkFilter) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), "bulk", filter] as const,
      queryFn: ({ signal }) => fetchJson<BulkPreviewJson>(`/api/review/bulk?${query(filter)}`, signal),
    }),
};
