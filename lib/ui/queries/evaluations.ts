// Query keys and fetchers for evaluations: a run's report, the report of imported results, a tree's
// verdict and judgements.
import { queryOptions } from "@tanstack/react-query";
import type { EvaluationReport, ImportedResultsReport, TreeEvaluation } from "@/lib/server/services/evaluation-runs";
import { fetchJson } from "../fetch-json";

/** A tree's evaluation as JSON delivers it (dates as ISO strings). */
export type TreeEvaluationJson = Omit<TreeEvaluation, "judgements"> & { judgements: (Omit<TreeEvaluation["judgements"][number], "createdAt"> & { createdAt: string })[] };

export const evaluationQueries = {
  all: () => ["evaluations"] as const,
  report: (runId: number, live: boolean) =>
    queryOptions({
      queryKey: [...evaluationQueries.all(), "report", runId] as const,
      queryFn: ({ signal }) => fetchJson<EvaluationReport>(`/api/evaluations/${runId}`, signal),
      refetchInterval: live ? 2000 : false,
    }),
  imported: (kind: "pass_rate" | "preference", model: string) =>
    queryOptions({
      queryKey: [...evaluationQueries.all(), "imported", kind, model] as const,
      queryFn: ({ signal }) => fetchJson<ImportedResultsReport>(`/api/evaluations/imported?${new URLSearchParams({ kind, model })}`, signal),
    }),
  tree: (treeId: number) =>
    queryOptions({
      queryKey: [...evaluationQueries.all(), "tree", treeId] as const,
      queryFn: ({ signal }) => fetchJson<TreeEvaluationJson>(`/api/trees/${treeId}/evaluation`, signal),
    }),
};
