"use client";

// React Flow configured as a viewer: nothing is dragged, connected or selected by React Flow itself
// (selection, focus and keys belong to the tree), only what is on screen is rendered, and the mouse
// wheel pans while Ctrl + wheel (or a pinch) zooms.
import "@xyflow/react/dist/style.css";
import { Background, MiniMap, ReactFlow, type Edge, type Viewport } from "@xyflow/react";
import { memo, useCallback, useEffect, useState } from "react";
import { StepCard, type StepNode } from "./step-card";
import { useTreeData } from "./tree-context";
import { MIN_ZOOM } from "./viewport";

const nodeTypes = { step: StepCard };

interface FlowViewProps {
  nodes: StepNode[];
  edges: Edge[];
  /** Read once, when the canvas mounts: React Flow takes its default viewport on mount only. */
  initialViewport: () => Viewport;
  showMinimap: boolean;
}

function FlowViewInner({ nodes, edges, initialViewport, showMinimap }: FlowViewProps) {
  const { model: m } = useTreeData();
  const [defaultViewport] = useState(initialViewport);
  // the minimap draws every visible step; it waits until the tree itself is on screen and idle
  const [minimapReady, setMinimapReady] = useState(false);
  useEffect(() => {
    const id = requestIdleCallback(() => setMinimapReady(true), { timeout: 500 });
    return () => cancelIdleCallback(id);
  }, []);
  const minimapColor = useCallback(
    (node: StepNode) => {
      const first = m.groups[node.data.group]!.nodes[0]!;
      return m.onChosenPath[first] ? "#10b981" : m.abandoned[first] ? "#e4e4e7" : "#a1a1aa";
    },
    [m],
  );
  return (
    <ReactFlow<StepNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      defaultViewport={defaultViewport}
      onlyRenderVisibleElements
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      disableKeyboardA11y
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomOnDoubleClick={false}
      panOnScroll
      minZoom={MIN_ZOOM}
      maxZoom={2}
    >
      <Background gap={24} size={1} color="#e4e4e7" />
      {showMinimap && minimapReady && (
        <MiniMap<StepNode> pannable zoomable ariaLabel="Minimap of the whole tree" nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(244, 244, 245, 0.7)" />
      )}
    </ReactFlow>
  );
}

// initialViewport is a new function on every render of the canvas, but only read on mount
export const FlowView = memo(FlowViewInner, (a, b) => a.nodes === b.nodes && a.edges === b.edges && a.showMinimap === b.showMinimap);
