"use client";

// The tree viewer's canvas and node inspector on a tree that is still growing. The selection
// follows the newest node until the user picks one.
import { useEffect, useMemo, useRef, useState } from "react";
import { buildTreeModel } from "@/lib/core/tree-view/tree-model";
import type { TreeView } from "@/lib/server/services/trees";
import { NodeInspector } from "../../trees/_components/node-inspector";
import { TreeCanvas } from "../../trees/_components/tree-canvas";
import { createSelectionStore, SelectionProvider, TreeDataProvider, type TreeData } from "../../trees/_components/tree-context";

export function LiveTree({ view }: { view: TreeView }) {
  const model = useMemo(() => buildTreeModel(view.nodes, view.tree.chosenNodeIdx), [view]);
  const data = useMemo<TreeData>(() => ({ view, model, apisByFunction: new Map(), functionsByName: new Map(view.functions.map((f) => [f.name, f])) }), [view, model]);
  const [store] = useState(() => createSelectionStore(model.size - 1));
  const following = useRef(true);
  useEffect(() => store.subscribe(() => store.source() !== "elsewhere" && (following.current = false)), [store]);
  useEffect(() => {
    if (following.current) store.select(model.size - 1, "elsewhere");
  }, [model, store]);

  return (
    <TreeDataProvider value={data}>
      <SelectionProvider value={store}>
        <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="h-[60vh] min-h-[380px]">
            <TreeCanvas />
          </div>
          <aside aria-label="Node details" className="max-h-[60vh] overflow-auto">
            <NodeInspector />
          </aside>
        </div>
      </SelectionProvider>
    </TreeDataProvider>
  );
}
