// Where the canvas looks: the whole tree when it is readable that way, otherwise the selected node at
// a reading zoom; and keeping a node in view when the selection moves to it.
import type { Viewport } from "@xyflow/react";
import type { GroupBox, TreeLayout } from "@/lib/core/tree-view/layout";
import type { Size } from "./use-element-size";

/** Below this zoom card text is too small to read, so a big tree opens on its selected node instead. */
const MIN_FIT_ZOOM = 0.55;
const FOCUS_ZOOM = 0.85;
/** The canvas's smallest zoom (React Flow's minZoom). */
export const MIN_ZOOM = 0.05;
const PADDING = 32;

const fitZoom = (layout: TreeLayout, size: Size) => Math.min((size.width - 2 * PADDING) / layout.width, (size.height - 2 * PADDING) / layout.height, 1);

/**
 * The whole tree on screen. Computed from the layout rather than with React Flow's fitView, which
 * waits until every node has been measured — and nodes off screen are never rendered, so never measured.
 */
export function fitViewport(layout: TreeLayout, size: Size): Viewport {
  const zoom = Math.max(fitZoom(layout, size), MIN_ZOOM);
  return { zoom, x: (size.width - layout.width * zoom) / 2, y: (size.height - layout.height * zoom) / 2 };
}

/** The minimap's corner (React Flow's default: 200 × 150 at the bottom right, 15 px in), kept clear of the focus. */
export const MINIMAP_CORNER = { width: 215, height: 165 };

export function initialViewport(layout: TreeLayout, size: Size, focus: GroupBox | undefined, clearCorner?: Size): Viewport {
  if (fitZoom(layout, size) >= MIN_FIT_ZOOM || !focus) return fitViewport(layout, size);
  // the focus a little right of center (the path that led to it fills the left), moved as far as
  // it takes for the tree to fill the canvas rather than leave it half empty
  const zoom = FOCUS_ZOOM;
  const x = clampOffset(size.width * 0.6 - (focus.x + focus.width / 2) * zoom, layout.width * zoom, size.width);
  let y = clampOffset(size.height / 2 - (focus.y + focus.height / 2) * zoom, layout.height * zoom, size.height);
  if (clearCorner) {
    const right = x + (focus.x + focus.width) * zoom;
    const bottom = y + (focus.y + focus.height) * zoom;
    const overlap = bottom - (size.height - clearCorner.height - 8);
    if (right > size.width - clearCorner.width && overlap > 0) y -= overlap;
  }
  return { zoom, x, y };
}

/** An offset along one axis that keeps content of `extent` covering the canvas, or centers it when it is smaller. */
function clampOffset(offset: number, extent: number, canvas: number): number {
  if (extent + 2 * PADDING <= canvas) return (canvas - extent) / 2;
  return Math.min(PADDING, Math.max(canvas - PADDING - extent, offset));
}

/** The center to move to so that `box` is in view with a margin, or null when it already is. */
export function centerToReveal(box: GroupBox, viewport: Viewport, size: Size, clearCorner?: Size): { x: number; y: number } | null {
  const margin = 24;
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  const right = left + box.width * viewport.zoom;
  const bottom = top + box.height * viewport.zoom;
  const underCorner = clearCorner !== undefined && right > size.width - clearCorner.width && bottom > size.height - clearCorner.height;
  if (left >= margin && top >= margin && right <= size.width - margin && bottom <= size.height - margin && !underCorner) return null;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
