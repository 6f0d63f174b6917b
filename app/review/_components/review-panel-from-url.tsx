"use client";

import { useSearchParams } from "next/navigation";
import type { Verdict } from "@/lib/core/review/tree-state";
import { ReviewPanel } from "./review-panel";

/** The review panel beside a tree viewer, following the node the viewer selects (?node=). */
export function ReviewPanelFromUrl({ treeId, onSaved }: { treeId: number; onSaved?: (verdict: Verdict) => void }) {
  const params = useSearchParams();
  const raw = params.get("node");
  const node = raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  return <ReviewPanel treeId={treeId} selectedNodeIdx={node} onSaved={onSaved} />;
}
