"use client";

// What the canvas hands to its cards: selecting a node, folding a step, reporting the first card
// drawn, and whether to show visit numbers. One context object, stable between renders.
import { createContext, useContext } from "react";

export interface CanvasActions {
  selectNode(idx: number): void;
  toggleGroup(group: number): void;
  cardMounted(): void;
  showVisits: boolean;
}

export const CanvasActionsContext = createContext<CanvasActions | null>(null);

export function useCanvasActions(): CanvasActions {
  const actions = useContext(CanvasActionsContext);
  if (!actions) throw new Error("CanvasActionsContext is missing");
  return actions;
}
