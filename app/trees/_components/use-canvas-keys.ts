"use client";

// The tree's keyboard: arrows, Home/End and n/p move the selection (see KEY_MOVES); Enter or Space
// folds the branches below the selected step; 0 fits, . centers, + and − zoom, ? shows the keys.
// Letters other than n / p stay free for the review shortcuts (a, r, f, c, j, k).
import { useReactFlow } from "@xyflow/react";
import { useCallback, type KeyboardEvent } from "react";
import { KEY_MOVES, moveSelection } from "@/lib/core/tree-view/navigation";
import { useSelectionStore, useTreeData } from "./tree-context";

export interface CanvasKeyActions {
  toggle(group: number): void;
  fit(): void;
  centerOnSelection(): void;
  toggleKeys(): void;
}

export function useCanvasKeys({ toggle, fit, centerOnSelection, toggleKeys }: CanvasKeyActions) {
  const { model: m } = useTreeData();
  const store = useSelectionStore();
  const rf = useReactFlow();
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // keys typed into controls inside the canvas (the minimap) and browser shortcuts pass through
      if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
      const current = store.get();
      const move = KEY_MOVES[e.key];
      if (move) {
        e.preventDefault();
        const target = moveSelection(m, current, move);
        if (target !== null) store.select(target, "keyboard");
        return;
      }
      const commands: Record<string, () => void> = {
        Enter: () => toggle(m.groupOf[current]!),
        " ": () => toggle(m.groupOf[current]!),
        "0": fit,
        ".": centerOnSelection,
        "+": () => void rf.zoomIn({ duration: 120 }),
        "=": () => void rf.zoomIn({ duration: 120 }),
        "-": () => void rf.zoomOut({ duration: 120 }),
        "?": toggleKeys,
      };
      const command = commands[e.key];
      if (!command) return;
      e.preventDefault();
      command();
    },
    [m, store, rf, toggle, fit, centerOnSelection, toggleKeys],
  );
}

/** The shortcuts, as the help panel lists them. */
export const SHORTCUTS: [keys: string, what: string][] = [
  ["← →", "parent · first child (unfolds a folded step)"],
  ["↑ ↓", "previous · next sibling attempt"],
  ["Home · End", "root · end of the training path"],
  ["n · p", "next · previous visit in search order (expand_num)"],
  ["Enter · Space", "fold or unfold the branches below the step"],
  ["0 · .", "fit the tree · center on the selection"],
  ["+ · −", "zoom in · out (or Ctrl + wheel); the wheel pans"],
  ["?", "show or hide these keys"],
];
