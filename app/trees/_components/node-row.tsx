"use client";

// One node of a step card: a tree item (selectable, labelled for screen readers, with its state in
// data attributes) showing the node's kind, its text, how it ended and when it was visited. In the
// overview (zoomed far out) the same item is a colored bar: its outcome at a glance.
import { memo } from "react";
import { CARD } from "@/lib/core/tree-view/layout";
import { isPruned, nodeOutcome, type TreeModel } from "@/lib/core/tree-view/tree-model";
import { Badge } from "../../_components/badge";
import { useCanvasActions } from "./canvas-actions";
import { RowCheckBadges } from "./check-badges";
import { functionOf, nodeLabel, oneLine, outcomeBadge } from "./node-text";
import { useIsSelected, useTreeData } from "./tree-context";

const ICONS = {
  Thought: "M4 5h16v10H9l-5 4z", // a speech bubble
  Action: "M8 5l10 7-10 7z", // play: the call
  ActionInput: "M9 4C6 4 7 10 4 12c3 2 2 8 5 8M15 4c3 0 2 6 5 8-3 2-2 8-5 8", // braces: the arguments
} as const;

const BAR_COLORS = { ok: "bg-zinc-400", final: "bg-emerald-500", give_up: "bg-amber-400", hallucination: "bg-fuchsia-400", error: "bg-rose-400" } as const;

function barColor(m: TreeModel, idx: number): string {
  const outcome = nodeOutcome(m, idx);
  if (outcome) return BAR_COLORS[outcome];
  return m.columns.type[idx] === "Thought" ? "bg-zinc-200" : "bg-zinc-300";
}

function RowText({ m, idx }: { m: TreeModel; idx: number }) {
  const type = m.columns.type[idx]!;
  if (idx === 0) return <span className="truncate font-medium text-zinc-700">Query</span>;
  if (type === "Thought") return <span className="truncate italic text-zinc-600">{oneLine(m.columns.text[idx]!, 90) || "(empty thought)"}</span>;
  if (type === "Action") {
    const name = functionOf(m, idx) ?? "";
    return (
      <span title={name} className={`truncate font-mono font-semibold ${name === "Finish" ? "text-sky-800" : "text-zinc-900"}`}>
        {name || "(no name)"}
      </span>
    );
  }
  return <span className="truncate font-mono text-zinc-600">{oneLine(m.columns.text[idx]!, 90) || "{}"}</span>;
}

function RowDetails({ m, idx, showVisits }: { m: TreeModel; idx: number; showVisits: boolean }) {
  const badge = outcomeBadge(m.columns.observationCode[idx]);
  return (
    <>
      <svg aria-hidden viewBox="0 0 24 24" className="h-3.5 w-3.5 shrink-0 fill-none stroke-zinc-400" strokeWidth={2} strokeLinejoin="round">
        <path d={ICONS[m.columns.type[idx]!]} />
      </svg>
      <RowText m={m} idx={idx} />
      <span className="ml-auto flex shrink-0 items-center gap-1">
        {isPruned(m, idx) && m.columns.observationCode[idx] !== 4 && <span className="text-[10px] text-zinc-500">pruned</span>}
        {badge && (
          <span title={badge.title} className="scale-90">
            <Badge tone={badge.tone}>{badge.text}</Badge>
          </span>
        )}
        <RowCheckBadges idx={idx} />
        {showVisits && m.visitRank[idx]! >= 0 && (
          <span title="Visit order (ToolBench's expand_num)" className="rounded bg-zinc-800 px-1 font-mono text-[10px] leading-4 text-white">
            {m.columns.expandNum[idx]}
          </span>
        )}
      </span>
    </>
  );
}

export const NodeRow = memo(function NodeRow({ idx, expanded, overview }: { idx: number; expanded: boolean | undefined; overview: boolean }) {
  const { model: m } = useTreeData();
  const { selectNode, showVisits } = useCanvasActions();
  const selected = useIsSelected(idx);
  const parent = m.parent[idx]!;
  const siblings = parent >= 0 ? m.children[parent]! : [idx];
  return (
    <div
      id={`tree-node-${idx}`}
      role="treeitem"
      aria-selected={selected}
      aria-level={m.depth[idx]! + 1}
      aria-posinset={siblings.indexOf(idx) + 1}
      aria-setsize={siblings.length}
      aria-expanded={expanded}
      aria-label={nodeLabel(m, idx)}
      data-idx={idx}
      data-on-path={m.onChosenPath[idx] === 1}
      data-pruned={isPruned(m, idx)}
      data-abandoned={m.abandoned[idx] === 1}
      data-code={m.columns.observationCode[idx] ?? undefined}
      onClick={() => selectNode(idx)}
      style={{ height: CARD.rowHeight }}
      className="flex cursor-pointer items-center gap-1.5 rounded px-1.5 text-xs hover:bg-zinc-100 aria-selected:bg-sky-100 aria-selected:ring-1 aria-selected:ring-sky-400 group-focus-visible/tree:aria-selected:outline-2 group-focus-visible/tree:aria-selected:outline-offset-1 group-focus-visible/tree:aria-selected:outline-sky-600"
    >
      {overview ? <span aria-hidden className={`h-2.5 w-full rounded-full ${barColor(m, idx)}`} /> : <RowDetails m={m} idx={idx} showVisits={showVisits} />}
    </div>
  );
});
