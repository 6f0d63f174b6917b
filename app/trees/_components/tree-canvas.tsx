"use client";

// The tree drawn as a tree: one card per LLM step, laid out once per collapse state, with the
// selection kept in view, the keyboard driving it and subtrees folded on demand. The canvas is one
// tab stop (role="tree" with aria-activedescendant), so keyboard focus survives panning away from
// the selected row, which is then no longer rendered.
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { defaultCollapsed, revealNode, toggleGroup, type Collapsed } from "@/lib/core/tree-view/collapse";
import { layoutTree, type GroupBox } from "@/lib/core/tree-view/layout";
import { TREE_INTERACTIVE_MARK } from "@/lib/ui/queries/trees";
import { CanvasToolbar } from "./canvas-toolbar";
import { buildFlowEdges, buildFlowNodes, type StepDataCache } from "./flow-elements";
import { FlowView } from "./flow-view";
import { CanvasActionsContext, type CanvasActions } from "./canvas-actions";
import { useSelectedNodeIdx, useSelectionStore, useTreeData } from "./tree-context";
import { useCanvasKeys } from "./use-canvas-keys";
import { useElementSize } from "./use-element-size";
import { centerToReveal, fitViewport, initialViewport, MINIMAP_CORNER } from "./viewport";

/** Steps drawn at first; bigger trees open folded below the depth that fits (ToolBench trees have 3–30). */
const INITIAL_STEP_BUDGET = 400;

export function TreeCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

function CanvasInner() {
  const { model: m } = useTreeData();
  const store = useSelectionStore();
  const selected = useSelectedNodeIdx();
  const rf = useReactFlow();
  const treeRef = useRef<HTMLDivElement>(null);
  const [size, sizeRef] = useElementSize(treeRef);
  const [collapsed, setCollapsed] = useState<Collapsed>(() => defaultCollapsed(m, INITIAL_STEP_BUDGET, m.chosenIdx === null ? [store.get()] : [store.get(), m.chosenIdx]));
  const [showVisits, setShowVisits] = useState(true);
  const [showMinimap, setShowMinimap] = useState(m.groups.length > 20);

  const layout = useMemo(() => layoutTree(m, collapsed), [m, collapsed]);
  // node data reused across layouts (see buildFlowNodes); a cache, not state: it never triggers a render
  const [dataCache] = useState<StepDataCache>(() => new Map());
  const nodes = useMemo(() => buildFlowNodes(m, layout, collapsed, dataCache), [m, layout, collapsed, dataCache]);
  const edges = useMemo(() => buildFlowEdges(m, layout), [m, layout]);
  const boxes = useMemo(() => new Map(layout.boxes.map((b) => [b.group, b])), [layout]);
  const boxesRef = useRef(boxes);
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    boxesRef.current = boxes;
    layoutRef.current = layout;
  }, [boxes, layout]);

  // a selection hidden in a folded branch unfolds the way to it
  useEffect(() => store.subscribe(() => setCollapsed((c) => revealNode(m, c, store.get()))), [m, store]);

  // a selection made from the keyboard or another panel is brought into view
  const shownSelection = useRef(selected);
  useEffect(() => {
    const box = boxes.get(m.groupOf[selected]!);
    if (shownSelection.current === selected || !box || !sizeRef.current) return;
    shownSelection.current = selected;
    if (store.source() === "pointer") return;
    const center = centerToReveal(box, rf.getViewport(), sizeRef.current, showMinimap ? MINIMAP_CORNER : undefined);
    if (center) void rf.setCenter(center.x, center.y, { zoom: rf.getViewport().zoom, duration: 160 });
  }, [selected, boxes, m, rf, store, sizeRef, showMinimap]);

  // a card whose branches fold or unfold stays where it was on screen, under the pointer
  const anchor = useRef<GroupBox | null>(null);
  useLayoutEffect(() => {
    const before = anchor.current;
    const after = before && boxes.get(before.group);
    anchor.current = null;
    if (!before || !after) return;
    const v = rf.getViewport();
    void rf.setViewport({ x: v.x + (before.x - after.x) * v.zoom, y: v.y + (before.y - after.y) * v.zoom, zoom: v.zoom });
  }, [boxes, rf]);

  const toggle = useCallback(
    (group: number) => {
      anchor.current = boxesRef.current.get(group) ?? null;
      setCollapsed((c) => toggleGroup(m, c, group));
    },
    [m],
  );

  const ready = useRef(false);
  const cardMounted = useCallback(() => {
    if (ready.current) return;
    ready.current = true;
    // after the frame that shows the first cards has been painted
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(TREE_INTERACTIVE_MARK);
        treeRef.current?.setAttribute("data-ready", "true");
      }),
    );
  }, []);

  const actions = useMemo<CanvasActions>(
    () => ({
      selectNode: (idx) => {
        store.select(idx, "pointer");
        treeRef.current?.focus({ preventScroll: true });
      },
      toggleGroup: toggle,
      cardMounted,
      showVisits,
    }),
    [store, toggle, cardMounted, showVisits],
  );

  const centerOnSelection = useCallback(() => {
    const box = boxesRef.current.get(m.groupOf[store.get()]!);
    if (box) void rf.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(rf.getViewport().zoom, 0.8), duration: 200 });
  }, [m, rf, store]);

  const fit = useCallback(() => {
    if (sizeRef.current) void rf.setViewport(fitViewport(layoutRef.current, sizeRef.current), { duration: 200 });
  }, [rf, sizeRef]);

  const [showKeys, setShowKeys] = useState(false);
  const onKeyDown = useCanvasKeys({ toggle, fit, centerOnSelection, toggleKeys: () => setShowKeys((v) => !v) });

  return (
    <div className="flex h-full min-h-0 flex-col rounded-lg border border-zinc-200 bg-white">
      <CanvasToolbar
        setCollapsed={setCollapsed}
        centerOnSelection={centerOnSelection}
        fit={fit}
        showVisits={showVisits}
        setShowVisits={setShowVisits}
        showMinimap={showMinimap}
        setShowMinimap={setShowMinimap}
        showKeys={showKeys}
        setShowKeys={setShowKeys}
      />
      <div
        ref={treeRef}
        role="tree"
        tabIndex={0}
        aria-label="Search tree"
        aria-describedby="tree-keys-hint"
        aria-activedescendant={`tree-node-${selected}`}
        onKeyDown={onKeyDown}
        className="group/tree relative min-h-0 flex-1 rounded-b-lg outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-600"
      >
        <p id="tree-keys-hint" className="sr-only">
          Arrow keys move to the parent, the first child and the sibling attempts; Home goes to the root, End to the end of the training path; N and P follow the
          search&apos;s visit order; Enter folds or unfolds the branches below a step.
        </p>
        {size && (
          <CanvasActionsContext.Provider value={actions}>
            <FlowView nodes={nodes} edges={edges} initialViewport={() => initialViewport(layout, size, boxes.get(m.groupOf[store.get()]!), showMinimap ? MINIMAP_CORNER : undefined)} showMinimap={showMinimap} />
          </CanvasActionsContext.Provider>
        )}
      </div>
    </div>
  );
}
