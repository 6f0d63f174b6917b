// Where each visible step card goes: a left-to-right tidy tree (d3-hierarchy's Reingold–Tilford
// layout), one column per step depth, cards stacked by their own height. Computed once per collapse
// state; the sizes here are the sizes the cards are drawn at.
import { hierarchy, tree, type HierarchyPointNode } from "d3-hierarchy";
import { visibleGroups, type Collapsed } from "./collapse";
import type { TreeModel } from "./tree-model";

export const CARD = {
  width: 232,
  rootWidth: 148,
  rootHeight: 36,
  rowHeight: 24,
  padding: 6,
  /** horizontal space between columns (room for the edges) */
  columnGap: 56,
  /** vertical space between sibling cards; twice that between cards of different parents */
  rowGap: 12,
} as const;

export interface LayoutDatum {
  group: number;
  width: number;
  height: number;
  children: LayoutDatum[];
}

export interface GroupBox {
  group: number;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TreeLayout {
  /** Visible groups in pre-order. */
  boxes: GroupBox[];
  width: number;
  height: number;
}

export function cardSize(m: TreeModel, group: number): { width: number; height: number } {
  if (group === 0 && m.groups[0]!.nodes.length === 1) return { width: CARD.rootWidth, height: CARD.rootHeight };
  return { width: CARD.width, height: CARD.padding * 2 + m.groups[group]!.nodes.length * CARD.rowHeight };
}

/** The nested input d3-hierarchy lays out: visible groups only, children in sibling order. */
export function buildLayoutInput(m: TreeModel, collapsed: Collapsed): LayoutDatum {
  const byGroup = new Map<number, LayoutDatum>();
  for (const g of visibleGroups(m, collapsed)) {
    const datum: LayoutDatum = { group: g, ...cardSize(m, g), children: [] };
    byGroup.set(g, datum);
    const parent = m.groups[g]!.parent;
    // visibleGroups lists parents first, so the parent's datum exists
    if (parent >= 0) byGroup.get(parent)!.children.push(datum);
  }
  return byGroup.get(0)!;
}

const columnWidth = CARD.width + CARD.columnGap;

export function layoutTree(m: TreeModel, collapsed: Collapsed): TreeLayout {
  const root = hierarchy(buildLayoutInput(m, collapsed), (d) => d.children);
  // nodeSize's breadth unit is one pixel, so separation() is the centre-to-centre distance in pixels
  const laidOut = tree<LayoutDatum>()
    .nodeSize([1, columnWidth])
    .separation((a, b) => (a.data.height + b.data.height) / 2 + (a.parent === b.parent ? CARD.rowGap : CARD.rowGap * 2))(root);

  let minTop = Infinity;
  let maxBottom = -Infinity;
  let maxRight = 0;
  const points: HierarchyPointNode<LayoutDatum>[] = [];
  laidOut.eachBefore((p) => {
    points.push(p);
    minTop = Math.min(minTop, p.x - p.data.height / 2);
    maxBottom = Math.max(maxBottom, p.x + p.data.height / 2);
    maxRight = Math.max(maxRight, p.y + p.data.width);
  });
  const boxes = points.map((p) => ({
    group: p.data.group,
    // the root card is narrower: right-align it with its column so its edge stays short
    x: p.depth === 0 ? CARD.width - p.data.width : p.y,
    y: Math.round(p.x - p.data.height / 2 - minTop),
    width: p.data.width,
    height: p.data.height,
  }));
  return { boxes, width: maxRight, height: maxBottom - minTop };
}
