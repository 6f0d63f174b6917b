"use client";

// What every part of the tree viewer shares: the tree (immutable once loaded) and the selected node.
// The selection lives in a small external store rather than React state so that selecting a node
// re-renders only the two rows whose selected state changed, not a 10,000-node canvas.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { FunctionSpec } from "@/lib/core/toolbench/argument-check";
import type { TreeModel } from "@/lib/core/tree-view/tree-model";
import type { TreeApiRef, TreeView } from "@/lib/server/services/trees";

export interface TreeData {
  view: TreeView;
  model: TreeModel;
  apisByFunction: ReadonlyMap<string, TreeApiRef>;
  functionsByName: ReadonlyMap<string, FunctionSpec>;
}

/** How a selection was made: the canvas scrolls to selections made anywhere but on the canvas itself. */
export type SelectionSource = "pointer" | "keyboard" | "elsewhere";

export interface SelectionStore {
  get(): number;
  source(): SelectionSource;
  select(idx: number, source: SelectionSource): void;
  subscribe(listener: () => void): () => void;
}

export function createSelectionStore(initial: number): SelectionStore {
  let selected = initial;
  let lastSource: SelectionSource = "elsewhere";
  const listeners = new Set<() => void>();
  return {
    get: () => selected,
    source: () => lastSource,
    select(idx, source) {
      lastSource = source;
      if (idx === selected) return;
      selected = idx;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const TreeDataContext = createContext<TreeData | null>(null);
const SelectionContext = createContext<SelectionStore | null>(null);

export const TreeDataProvider = TreeDataContext.Provider;
export const SelectionProvider = SelectionContext.Provider;

export function useTreeData(): TreeData {
  const data = useContext(TreeDataContext);
  if (!data) throw new Error("useTreeData is used outside the tree viewer");
  return data;
}

export function useSelectionStore(): SelectionStore {
  const store = useContext(SelectionContext);
  if (!store) throw new Error("useSelectionStore is used outside the tree viewer");
  return store;
}

/** The selected node's idx (also in the URL as ?node=); for panels mounted in the viewer, such as review controls. */
export function useSelectedNodeIdx(): number {
  const store = useSelectionStore();
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Whether one node is selected; re-renders only when that answer changes. */
export function useIsSelected(idx: number): boolean {
  const store = useSelectionStore();
  const read = () => store.get() === idx;
  return useSyncExternalStore(store.subscribe, read, read);
}
