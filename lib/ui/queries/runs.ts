// Query keys and fetchers for runs (imports now; generation, judging and export runs later).
import { queryOptions } from "@tanstack/react-query";
import type { RunView } from "@/lib/server/services/runs";
import { fetchJson } from "../fetch-json";

/** A run as JSON (dates as ISO strings). */
export type RunJson = Omit<RunView, "createdAt" | "startedAt" | "finishedAt"> & {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const isActive = (run: Pick<RunJson, "status"> | undefined) => run?.status === "queued" || run?.status === "running";

export const runQueries = {
  all: () => ["runs"] as const,
  imports: () =>
    queryOptions({
      queryKey: [...runQueries.all(), "imports"] as const,
      queryFn: ({ signal }) => fetchJson<RunJson[]>("/api/imports", signal),
      refetchInterval: (q) => (q.state.data?.some(isActive) ? 1000 : false),
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...runQueries.all(), "detail", id] as const,
      queryFn: ({ signal }) => fetchJson<RunJson>(`/api/runs/${id}`, signal),
      refetchInterval: (q) => (q.state.data === undefined || isActive(q.state.data) ? 700 : false),
    }),
};
