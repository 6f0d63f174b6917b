// Query keys and fetchers for runs: imports, instruction generation and solving.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { RunView } from "@/lib/server/services/runs";
import type { LiveTree } from "@/lib/server/services/run-live";
import type { RunItemRow } from "@/lib/server/services/run-live";
import { fetchJson } from "../fetch-json";

/** A run as JSON (dates as ISO strings). */
export type RunJson = Omit<RunView, "createdAt" | "startedAt" | "finishedAt"> & {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type RunItemJson = Omit<RunItemRow, "startedAt" | "finishedAt"> & { startedAt: string | null; finishedAt: string | null };

export interface EndpointChoice {
  id: number | null;
  name: string;
  model: string;
  baseUrl: string;
}

export const isActive = (run: Pick<RunJson, "status"> | undefined) => run?.status === "queued" || run?.status === "running";

export const runQueries = {
  all: () => ["runs"] as const,
  imports: () =>
    queryOptions({
      queryKey: [...runQueries.all(), "imports"] as const,
      queryFn: ({ signal }) => fetchJson<RunJson[]>("/api/imports", signal),
      refetchInterval: (q) => (q.state.data?.some(isActive) ? 1000 : false),
    }),
  list: (kind?: string) =>
    queryOptions({
      queryKey: [...runQueries.all(), "list", kind ?? "all"] as const,
      queryFn: ({ signal }) => fetchJson<RunJson[]>(`/api/runs${kind ? `?kind=${kind}` : ""}`, signal),
      refetchInterval: (q) => (q.state.data?.some(isActive) ? 1500 : false),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...runQueries.all(), "detail", id] as const,
      queryFn: ({ signal }) => fetchJson<RunJson>(`/api/runs/${id}`, signal),
      refetchInterval: (q) => (q.state.data === undefined || isActive(q.state.data) ? 700 : false),
    }),
  /** `version` (the run's status and progress) refetches the items whenever the run moves, and once more when it ends. */
  items: (id: number, version: string, active: boolean) =>
    queryOptions({
      queryKey: [...runQueries.all(), "items", id, version] as const,
      queryFn: ({ signal }) => fetchJson<RunItemJson[]>(`/api/runs/${id}/items`, signal),
      refetchInterval: active ? 1500 : false,
      placeholderData: keepPreviousData,
    }),
  live: (id: number, item: number | undefined, status: string, active: boolean) =>
    queryOptions({
      queryKey: [...runQueries.all(), "live", id, item ?? "current", status] as const,
      queryFn: ({ signal }) => fetchJson<{ live: LiveTree | null }>(`/api/runs/${id}/live${item ? `?item=${item}` : ""}`, signal),
      refetchInterval: active ? 1000 : false,
      placeholderData: keepPreviousData,
    }),
  endpoints: () =>
    queryOptions({
      queryKey: ["llm-endpoints"] as const,
      queryFn: ({ signal }) => fetchJson<EndpointChoice[]>("/api/llm-endpoints", signal),
    }),
};
