// How the list names enum values and sort orders on screen.
import type { ReviewStatusName, TreeListFilter, TreeMethodName } from "@/lib/core/schemas/trees";
import type { Tone } from "../../_components/badge";

export const METHOD_LABELS: Record<TreeMethodName, string> = { dfsdt: "DFSDT", dfs: "DFS (ranked)", react: "ReACT / CoT", other: "Other" };

export const STATUS_LABELS: Record<ReviewStatusName, { label: string; tone: Tone }> = {
  unreviewed: { label: "unreviewed", tone: "zinc" },
  in_review: { label: "in review", tone: "sky" },
  approved: { label: "approved", tone: "emerald" },
  rejected: { label: "rejected", tone: "rose" },
  needs_fix: { label: "needs fix", tone: "amber" },
};

export interface SortOption {
  value: string;
  label: string;
  sort: TreeListFilter["sort"];
  dir: TreeListFilter["dir"];
}

export const SORT_OPTIONS: SortOption[] = [
  { value: "id-desc", label: "Newest first", sort: "id", dir: "desc" },
  { value: "id-asc", label: "Oldest first", sort: "id", dir: "asc" },
  { value: "size-desc", label: "Most nodes", sort: "size", dir: "desc" },
  { value: "size-asc", label: "Fewest nodes", sort: "size", dir: "asc" },
  { value: "depth-desc", label: "Deepest", sort: "depth", dir: "desc" },
  { value: "depth-asc", label: "Shallowest", sort: "depth", dir: "asc" },
  { value: "calls-desc", label: "Most LLM calls", sort: "calls", dir: "desc" },
  { value: "calls-asc", label: "Fewest LLM calls", sort: "calls", dir: "asc" },
  { value: "errors-desc", label: "Most errors", sort: "errors", dir: "desc" },
  { value: "errors-asc", label: "Fewest errors", sort: "errors", dir: "asc" },
];
