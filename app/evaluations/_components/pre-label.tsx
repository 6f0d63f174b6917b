"use client";

// The pass-rate judge's verdict as a review pre-label: Solved suggests approving, Unsolved rejecting
// (Unsure suggests nothing). The judge's reason is model output: shown as text only.
import type { Verdict } from "@/lib/core/review/tree-state";
import type { TreeEvaluationJson } from "@/lib/ui/queries/evaluations";
import { PassLabelBadge } from "./pass-label-badge";

/** The verdict a pre-label suggests, or null when it suggests none. */
export function suggestedVerdict(evaluation: TreeEvaluationJson | undefined): Verdict | null {
  const label = evaluation?.verdict?.label;
  return label === "Solved" ? "approve" : label === "Unsolved" ? "reject" : null;
}

export function PreLabel({ evaluation, canAccept, saving, onAccept }: { evaluation: TreeEvaluationJson | undefined; canAccept: boolean; saving: boolean; onAccept: (v: Verdict) => void }) {
  const verdict = evaluation?.verdict;
  if (!verdict) return null;
  const suggested = suggestedVerdict(evaluation);
  const reason = evaluation.judgements.find((j) => j.runId === verdict.runId && j.reason)?.reason;
  return (
    <div aria-label="Pre-label" role="group" className="space-y-1 rounded-md border border-zinc-200 bg-zinc-50 p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-500">Pre-label from the judge</span>
        <PassLabelBadge verdict={verdict} />
        {canAccept && suggested && (
          <button type="button" disabled={saving} onClick={() => onAccept(suggested)} className="rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-50">
            Accept pre-label ({suggested}) <kbd className="ml-1 font-mono text-zinc-500">l</kbd>
          </button>
        )}
      </div>
      {reason && <p className="line-clamp-3 whitespace-pre-wrap text-xs text-zinc-600">{reason}</p>}
    </div>
  );
}
