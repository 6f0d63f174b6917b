import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { readDataset } from "@/lib/test/datasets";
import { buildLayoutInput, CARD, cardSize, layoutTree, type LayoutDatum } from "./layout";
import { buildTreeModel, toTreeColumns } from "./tree-model";

function readTree(rel: string) {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return buildTreeModel(toTreeColumns(parsed.trees[0]!.nodes), parsed.trees[0]!.chosenNodeIdx);
}

const m = readTree("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");
const shape = (d: LayoutDatum): unknown => (d.children.length ? { [d.group]: d.children.map(shape) } : d.group);

describe("buildLayoutInput", () => {
  it("nests the visible groups under their parents in sibling order", () => {
    expect(shape(buildLayoutInput(m, new Set()))).toEqual({ 0: [{ 1: [{ 2: [{ 3: [4, { 5: [{ 6: [7] }, 8] }] }, { 9: [10] }] }] }] });
  });

  it("leaves out what collapsed groups hide", () => {
    expect(shape(buildLayoutInput(m, new Set([3])))).toEqual({ 0: [{ 1: [{ 2: [3, { 9: [10] }] }] }] });
    expect(shape(buildLayoutInput(m, new Set([0])))).toEqual(0);
  });

  it("sizes each card by its rows; the empty root gets a small card", () => {
    const input = buildLayoutInput(m, new Set([3]));
    expect([input.width, input.height]).toEqual([CARD.rootWidth, CARD.rootHeight]);
    expect(cardSize(m, 1)).toEqual({ width: CARD.width, height: 2 * CARD.padding + 2 * CARD.rowHeight });
    expect(cardSize(m, 4)).toEqual({ width: CARD.width, height: 2 * CARD.padding + 3 * CARD.rowHeight });
  });
});

describe("layoutTree", () => {
  const layout = layoutTree(m, new Set());
  const box = (g: number) => layout.boxes.find((b) => b.group === g)!;

  it("places one box per visible group, one column per step depth", () => {
    expect(layout.boxes.map((b) => b.group)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const b of layout.boxes.slice(1)) expect(b.x).toBe(m.groups[b.group]!.depth * (CARD.width + CARD.columnGap));
    // the root card ends where the first column's cards end
    expect(box(0).x + box(0).width).toBe(CARD.width);
  });

  it("stacks siblings in order without overlap", () => {
    const columns = new Map<number, typeof layout.boxes>();
    for (const b of layout.boxes) columns.set(b.x, [...(columns.get(b.x) ?? []), b]);
    for (const boxes of columns.values()) {
      const byTop = [...boxes].sort((a, b) => a.y - b.y);
      for (let i = 1; i < byTop.length; i++) expect(byTop[i]!.y).toBeGreaterThanOrEqual(byTop[i - 1]!.y + byTop[i - 1]!.height + CARD.rowGap);
    }
    expect(box(4).y).toBeLessThan(box(5).y);
    expect(box(3).y).toBeLessThan(box(9).y);
  });

  it("starts at the top edge and reports its extent", () => {
    expect(Math.min(...layout.boxes.map((b) => b.y))).toBe(0);
    expect(layout.height).toBeGreaterThanOrEqual(Math.max(...layout.boxes.map((b) => b.y + b.height)));
    expect(layout.width).toBe(6 * (CARD.width + CARD.columnGap) + CARD.width);
  });

  it("lays out a collapsed state from scratch", () => {
    const folded = layoutTree(m, new Set([3]));
    expect(folded.boxes.map((b) => b.group)).toEqual([0, 1, 2, 3, 9, 10]);
    expect(folded.height).toBeLessThan(layout.height);
  });
});
