// How runs are described on their pages.
import { formatCount } from "../../_lib/format";

export const KIND_LABELS: Record<string, string> = {
  generate_instructions: "Generation",
  solve: "Solve",
  import: "Import",
  evaluate: "Evaluation",
  export: "Export",
  embed_catalog: "Embedding",
};

export function formatUsd(n: number): string {
  if (n === 0) return "$0";
  return n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

export const formatTokens = (n: number) => formatCount(n);

export const percent = (done: number, total: number, status: string) => (total > 0 ? Math.round((done / total) * 100) : status === "succeeded" ? 100 : 0);
