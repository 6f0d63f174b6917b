"use client";

// The review workspace for one loaded tree: transcript | tree | inspector, sharing one selection that
// is mirrored in the URL (?node=<idx>) so a link or a reload opens the same node, and so panels
// mounted here (review controls, through `reviewPanel`) can read it with useSearchParams or
// useSelectedNodeIdx.
import { memo, useEffect, useMemo, useState, type ReactNode } from "react";
import { buildTreeModel, type TreeModel } from "@/lib/core/tree-view/tree-model";
import type { TreeView } from "@/lib/server/services/trees";
import { NodeInspector } from "./node-inspector";
import { PathTranscript } from "./path-transcript";
import { TreeCanvas } from "./tree-canvas";
import { createSelectionStore, SelectionProvider, TreeDataProvider, type SelectionStore, type TreeData } from "./tree-context";
import { TreeSummary } from "./tree-summary";

/** The node a page opens on: the one in its URL, else the end of the training path, else the last visit. */
function initialSelection(m: TreeModel, fromUrl: number | null): number {
  if (fromUrl !== null && fromUrl >= 0 && fromUrl < m.size) return fromUrl;
  return m.chosenIdx ?? m.visitOrder[m.visitOrder.length - 1] ?? 0;
}

/** Writes the selection to the URL without a navigation (replaceState: arrowing through nodes should not fill the history). */
function useSelectionInUrl(store: SelectionStore) {
  useEffect(() => {
    const write = () => {
      const url = new URL(window.location.href);
      url.searchParams.set("node", String(store.get()));
      // null state: Next.js then keeps its router in step with the new URL (useSearchParams sees it)
      if (url.href !== window.location.href) window.history.replaceState(null, "", url);
    };
    // the first write waits until the tree is drawn: Next.js re-renders its router on every URL change
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(write, 300);
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(write, 100);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}

export interface TreeExplorerProps {
  view: TreeView;
  initialNode: number | null;
  /** Review controls (verdict, training path), shown above the inspector. */
  reviewPanel?: ReactNode;
}

export const TreeExplorer = memo(function TreeExplorer({ view, initialNode, reviewPanel }: TreeExplorerProps) {
  const model = useMemo(() => buildTreeModel(view.nodes, view.tree.chosenNodeIdx), [view]);
  const data = useMemo<TreeData>(
    () => ({
      view,
      model,
      apisByFunction: new Map(view.apis.map((a) => [a.functionName, a])),
      functionsByName: new Map(view.functions.map((f) => [f.name, f])),
    }),
    [view, model],
  );
  const [store] = useState(() => createSelectionStore(initialSelection(model, initialNode)));
  useSelectionInUrl(store);

  return (
    <TreeDataProvider value={data}>
      <SelectionProvider value={store}>
        <div className="px-4">
          <TreeSummary />
          <div className="grid gap-3 lg:grid-cols-2 xl:h-[var(--workspace-height,calc(100dvh_-_13rem))] xl:grid-cols-[17rem_minmax(0,1fr)_21rem] 2xl:grid-cols-[22rem_minmax(0,1fr)_27rem]">
            <div className="h-[70vh] min-h-[420px] lg:col-span-2 xl:order-2 xl:col-span-1 xl:h-auto xl:min-h-0">
              <TreeCanvas />
            </div>
            <aside aria-label="Path transcript" data-scroll className="max-h-[80vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50/60 p-3 xl:order-1 xl:max-h-none">
              <PathTranscript />
            </aside>
            <aside aria-label="Node details" data-scroll className="max-h-[80vh] space-y-3 overflow-auto xl:order-3 xl:max-h-none">
              {reviewPanel && (
                <div data-slot="review-panel">{reviewPanel}</div>
              )}
              <NodeInspector />
            </aside>
          </div>
        </div>
      </SelectionProvider>
    </TreeDataProvider>
  );
});
