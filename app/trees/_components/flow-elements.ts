// The laid-out tree as React Flow nodes (one per visible step) and edges (step to step). Node data
// objects are reused while a step's collapse state is unchanged, so memoized cards skip re-rendering
// when a layout change only moves them.
import { Position, type Edge } from "@xyflow/react";
import { hiddenNodeCount, type Collapsed } from "@/lib/core/tree-view/collapse";
import type { TreeLayout } from "@/lib/core/tree-view/layout";
import type { TreeModel } from "@/lib/core/tree-view/tree-model";
import { functionOf } from "./node-text";
import type { StepData, StepNode } from "./step-card";

export type StepDataCache = Map<number, StepData>;

function stepName(m: TreeModel, group: number): string {
  if (group === 0) return "Start of the search";
  const nodes = m.groups[group]!.nodes;
  const action = nodes.find((i) => m.columns.type[i] === "Action" || m.columns.type[i] === "ActionInput");
  return `Step: ${action === undefined ? "thought" : (functionOf(m, action) ?? "call")}`;
}

export function buildFlowNodes(m: TreeModel, layout: TreeLayout, collapsed: Collapsed, cache: StepDataCache): StepNode[] {
  return layout.boxes.map((box) => {
    const isCollapsed = collapsed.has(box.group);
    let data = cache.get(box.group);
    if (!data || data.collapsed !== isCollapsed) {
      data = { group: box.group, collapsed: isCollapsed, hidden: hiddenNodeCount(m, box.group) };
      cache.set(box.group, data);
    }
    return {
      id: String(box.group),
      type: "step",
      position: { x: box.x, y: box.y },
      // known sizes: cards are drawn at once, without waiting to be measured
      width: box.width,
      height: box.height,
      handles: [
        { type: "target", position: Position.Left, x: 0, y: box.height / 2 },
        { type: "source", position: Position.Right, x: box.width, y: box.height / 2 },
      ],
      data,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      ariaRole: "group",
      ariaLabel: stepName(m, box.group),
    };
  });
}

const EDGE_STYLES = {
  path: { stroke: "#10b981", strokeWidth: 2.5 },
  abandoned: { stroke: "#d4d4d8", strokeWidth: 1.5, strokeDasharray: "5 4" },
  open: { stroke: "#a1a1aa", strokeWidth: 1.5 },
} as const;

export function buildFlowEdges(m: TreeModel, layout: TreeLayout): Edge[] {
  const edges: Edge[] = [];
  for (const box of layout.boxes) {
    const group = m.groups[box.group]!;
    if (group.parent < 0) continue;
    const first = group.nodes[0]!;
    const kind = m.onChosenPath[first] ? "path" : m.abandoned[first] ? "abandoned" : "open";
    edges.push({
      id: `e${box.group}`,
      source: String(group.parent),
      target: String(box.group),
      style: EDGE_STYLES[kind],
      // the training path is drawn over the others where edges cross
      zIndex: kind === "path" ? 1 : 0,
      selectable: false,
      focusable: false,
    });
  }
  return edges;
}
