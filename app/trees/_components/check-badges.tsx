"use client";

// The per-step checks on a node: compact badges on its row, and in the inspector each check with
// what it found in words (the names and values involved, recomputed from the tree in the browser).
import { useMemo } from "react";
import { checksOf } from "@/lib/core/checks/definitions";
import { explainChecks, type CheckTreeInput } from "@/lib/core/checks/step-checks";
import { Badge } from "../../_components/badge";
import { useTreeData } from "./tree-context";

/** A node's stored check bits (0 when the tree has none stored, as for a tree still being searched). */
export function useNodeChecks(idx: number): number {
  const { view } = useTreeData();
  return view.checks?.[idx] ?? 0;
}

/** The badge on a node's row: its first check, then how many more (rows are narrow; the inspector lists them all). */
export function RowCheckBadges({ idx }: { idx: number }) {
  const found = checksOf(useNodeChecks(idx));
  if (found.length === 0) return null;
  const shown = found.slice(0, 1);
  return (
    <span className="flex shrink-0 items-center gap-0.5" data-checks={found.map((c) => c.key).join(" ")}>
      {shown.map((c) => (
        <span key={c.key} title={`Check: ${c.meaning}`} className="scale-90">
          <Badge tone="amber">⚠ {c.label}</Badge>
        </span>
      ))}
      {found.length > shown.length && (
        <span title={found.slice(1).map((c) => c.label).join(", ")} className="text-[10px] text-amber-900">
          +{found.length - shown.length}
        </span>
      )}
    </span>
  );
}

/** Every check on the nodes of the selected step, each with its reasons. */
export function StepChecks({ nodes }: { nodes: readonly number[] }) {
  const { view, model } = useTreeData();
  const input = useMemo<CheckTreeInput>(
    () => ({ nodes: model.columns, functions: view.functions, finalAnswer: view.tree.finalAnswer, truncated: view.tree.truncated }),
    [model.columns, view.functions, view.tree.finalAnswer, view.tree.truncated],
  );
  const items = nodes.flatMap((idx) => {
    const found = checksOf(view.checks?.[idx] ?? 0);
    if (found.length === 0) return [];
    const reasons = explainChecks(input, idx);
    return found.map((c) => ({ idx, check: c, reasons: reasons.filter((r) => r.key === c.key).map((r) => r.message) }));
  });
  if (items.length === 0) return null;
  return (
    <section aria-label="Checks" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-900">Checks</h3>
      <ul className="mt-1 space-y-1.5 text-xs text-amber-950">
        {items.map(({ idx, check, reasons }) => (
          <li key={`${idx}-${check.key}`} className="space-y-0.5">
            <div className="flex flex-wrap items-center gap-1.5">
              <Badge tone="amber">⚠ {check.label}</Badge>
              <span className="text-[11px] text-amber-900">
                node {idx} · {check.stage} check
              </span>
            </div>
            <p>{check.meaning}</p>
            {reasons.length > 0 && (
              <ul className="list-disc pl-4">
                {reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
