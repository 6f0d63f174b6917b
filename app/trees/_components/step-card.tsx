"use client";

// One LLM step on the canvas: a card with a row per node (Thought, Action, Action Input). Every row
// is its own selectable tree item; the card is memoized on its data so that panning and selecting
// elsewhere never re-render it (zooming does only when crossing into or out of the overview).
import { Handle, Position, useStore, type Node, type NodeProps } from "@xyflow/react";
import { memo, useEffect } from "react";
import { CARD } from "@/lib/core/tree-view/layout";
import { formatCount } from "../../_lib/format";
import { useCanvasActions } from "./canvas-actions";
import { NodeRow } from "./node-row";
import { useTreeData } from "./tree-context";

export interface StepData extends Record<string, unknown> {
  group: number;
  collapsed: boolean;
  /** Nodes hidden below when collapsed. */
  hidden: number;
}

export type StepNode = Node<StepData, "step">;

/** Below this zoom, cards show their rows as colored bars instead of text. */
const OVERVIEW_ZOOM = 0.25;

function StepCardView({ data }: NodeProps<StepNode>) {
  const { model: m } = useTreeData();
  const { toggleGroup, cardMounted } = useCanvasActions();
  // zoomed far out, rows are drawn as bars: the text would be unreadable and costs the most to draw
  const overview = useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  const group = m.groups[data.group]!;
  const first = group.nodes[0]!;
  const last = group.nodes[group.nodes.length - 1]!;
  const onPath = m.onChosenPath[first] === 1;
  const abandoned = m.abandoned[first] === 1;
  useEffect(cardMounted, [cardMounted]);
  return (
    <div
      data-group={data.group}
      // React Flow turns pointer events off on nodes it does not select or drag; the rows take clicks themselves
      className={`pointer-events-auto relative h-full w-full rounded-md border bg-white shadow-sm ${
        onPath ? "border-emerald-500 ring-1 ring-emerald-500/50" : abandoned ? "border-dashed border-zinc-300 opacity-55" : "border-zinc-300"
      }`}
      style={{ padding: CARD.padding }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!opacity-0" />
      {group.nodes.map((idx) => (
        <NodeRow key={idx} idx={idx} overview={overview} expanded={m.children[idx]!.length === 0 ? undefined : idx === last ? !data.collapsed : true} />
      ))}
      {group.children.length > 0 && (
        <button
          type="button"
          tabIndex={-1}
          onClick={() => toggleGroup(data.group)}
          aria-label={data.collapsed ? `Expand the ${formatCount(data.hidden)} nodes below` : "Collapse the branches below"}
          title={data.collapsed ? `Expand: ${formatCount(data.hidden)} nodes hidden` : "Collapse the branches below"}
          className={`absolute -right-3 top-1/2 z-10 flex h-5 min-w-5 -translate-y-1/2 items-center justify-center rounded-full border px-1 text-[10px] font-semibold shadow-sm ${
            data.collapsed ? "border-sky-600 bg-sky-600 text-white" : "border-zinc-300 bg-white text-zinc-600 hover:bg-zinc-100"
          }`}
        >
          {data.collapsed ? `+${formatCount(data.hidden)}` : "−"}
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="!opacity-0" />
    </div>
  );
}

/** The card, re-rendered only when its own data changes (not when it moves). */
export const StepCard = memo(StepCardView, (a, b) => a.data === b.data);
