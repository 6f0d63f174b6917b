// Query keys and fetchers for exports: the recorded snapshots and the export runs.
import { queryOptions } from "@tanstack/react-query";
import type { ExportView } from "@/lib/server/services/exports";
import { fetchJson } from "../fetch-json";
import { isActive, type RunJson } from "./runs";

export type ExportJson = Omit<ExportView, "createdAt"> & { createdAt: string };

export const exportQueries = {
  all: () => ["exports"] as const,
  list: () =>
    queryOptions({
      queryKey: [...exportQueries.all(), "list"] as const,
      queryFn: ({ signal }) => fetchJson<{ exports: ExportJson[]; runs: RunJson[] }>("/api/exports", signal),
      refetchInterval: (q) => (q.state.data?.runs.some(isActive) ? 1000 : false),
    }),
};
