"use client";

// Above the canvas: stepping through the search's visits, zoom and fit, folding, what to draw, and
// the legend with the keyboard shortcuts.
import { useReactFlow } from "@xyflow/react";
import type { Dispatch, ReactNode, SetStateAction } from "react";
import { collapseAllExcept, type Collapsed } from "@/lib/core/tree-view/collapse";
import { moveSelection } from "@/lib/core/tree-view/navigation";
import { formatCount } from "../../_lib/format";
import { useSelectedNodeIdx, useSelectionStore, useTreeData } from "./tree-context";
import { SHORTCUTS } from "./use-canvas-keys";

function ToolButton({ label, onClick, children, pressed, disabled }: { label: string; onClick: () => void; children: ReactNode; pressed?: boolean; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className="rounded px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-40 aria-pressed:bg-zinc-800 aria-pressed:text-white"
    >
      {children}
    </button>
  );
}

const Divider = () => <span aria-hidden className="mx-1 h-4 w-px bg-zinc-200" />;

function Legend() {
  return (
    <div className="space-y-1.5 text-xs text-zinc-700">
      <p className="flex items-center gap-2">
        <span className="inline-block h-0.5 w-6 bg-emerald-500" /> training path (chosen)
      </p>
      <p className="flex items-center gap-2">
        <span className="inline-block h-3 w-6 rounded-sm border border-dashed border-zinc-300 opacity-60" /> abandoned: pruned or given up below
      </p>
      <p className="flex items-center gap-2">
        <span className="rounded bg-zinc-800 px-1 font-mono text-[10px] text-white">7</span> visit order (expand_num); unvisited nodes have none
      </p>
      <p>Badges: answer (3), give up (4), hallucinated (1), error 2 / 5–12 (hover for the meaning).</p>
    </div>
  );
}

interface Props {
  setCollapsed: Dispatch<SetStateAction<Collapsed>>;
  centerOnSelection: () => void;
  fit: () => void;
  showVisits: boolean;
  setShowVisits: (v: boolean) => void;
  showMinimap: boolean;
  setShowMinimap: (v: boolean) => void;
  showKeys: boolean;
  setShowKeys: (v: boolean) => void;
}

export function CanvasToolbar(p: Props) {
  const { model: m } = useTreeData();
  const store = useSelectionStore();
  const selected = useSelectedNodeIdx();
  const rf = useReactFlow();
  const go = (target: number | null) => target !== null && store.select(target, "elsewhere");
  const rank = m.visitRank[selected]!;
  const previous = moveSelection(m, selected, "previousVisit");
  const next = moveSelection(m, selected, "nextVisit");
  return (
    <div role="toolbar" aria-label="Tree view" className="relative flex flex-wrap items-center gap-0.5 border-b border-zinc-200 px-2 py-1">
      <ToolButton label="Previous visit (p)" onClick={() => go(previous)} disabled={previous === null}>
        ◀
      </ToolButton>
      <span className="min-w-24 text-center text-xs tabular-nums text-zinc-600" aria-live="polite">
        {rank >= 0 ? `visit ${formatCount(m.columns.expandNum[selected]!)} · ${formatCount(rank + 1)} of ${formatCount(m.visitOrder.length)}` : `${formatCount(m.visitOrder.length)} visits`}
      </span>
      <ToolButton label="Next visit (n)" onClick={() => go(next)} disabled={next === null}>
        ▶
      </ToolButton>
      <Divider />
      <ToolButton label="Go to the root (Home)" onClick={() => go(0)}>
        Root
      </ToolButton>
      <ToolButton label="Go to the end of the training path (End)" onClick={() => go(m.chosenIdx)} disabled={m.chosenIdx === null}>
        Path end
      </ToolButton>
      <Divider />
      <ToolButton label="Expand all" onClick={() => p.setCollapsed(new Set())}>
        Expand all
      </ToolButton>
      <ToolButton label="Fold everything off the path to the selection and the training path" onClick={() => p.setCollapsed(collapseAllExcept(m, m.chosenIdx === null ? [selected] : [selected, m.chosenIdx]))}>
        Fold to path
      </ToolButton>
      <Divider />
      <ToolButton label="Zoom out (−)" onClick={() => void rf.zoomOut({ duration: 120 })}>
        −
      </ToolButton>
      <ToolButton label="Zoom in (+)" onClick={() => void rf.zoomIn({ duration: 120 })}>
        +
      </ToolButton>
      <ToolButton label="Fit the tree (0)" onClick={p.fit}>
        Fit
      </ToolButton>
      <ToolButton label="Center on the selection (.)" onClick={p.centerOnSelection}>
        Center
      </ToolButton>
      <Divider />
      <ToolButton label="Show visit numbers" pressed={p.showVisits} onClick={() => p.setShowVisits(!p.showVisits)}>
        #
      </ToolButton>
      <ToolButton label="Show the minimap" pressed={p.showMinimap} onClick={() => p.setShowMinimap(!p.showMinimap)}>
        Map
      </ToolButton>
      <ToolButton label="Legend and keyboard shortcuts (?)" pressed={p.showKeys} onClick={() => p.setShowKeys(!p.showKeys)}>
        ?
      </ToolButton>
      {p.showKeys && (
        <section aria-label="Legend and keyboard shortcuts" className="absolute right-2 top-full z-20 mt-1 w-96 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg">
          <Legend />
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t border-zinc-100 pt-2 text-xs">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt className="font-mono text-zinc-900">{keys}</dt>
                <dd className="text-zinc-600">{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
