"use client";

// Loads a tree (GET /api/trees/[id] through TanStack Query) and opens it in the explorer on the node
// named in the URL.
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { treeQueries } from "@/lib/ui/queries/trees";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { TreeExplorer } from "./tree-explorer";
import { useFullBleed } from "./use-full-bleed";

/** ?node=<idx>, when it is a whole number. */
function readNodeParam(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export function TreeWorkspace({ treeId, reviewPanel }: { treeId: number; reviewPanel?: ReactNode }) {
  const query = useQuery(treeQueries.detail(treeId));
  const params = useSearchParams();
  // only the first URL matters: afterwards the explorer owns the selection and writes it back
  const [initialNode] = useState(() => readNodeParam(params.get("node")));
  // sized while the data loads, so that drawing the tree does not wait for a second layout of the page
  const ref = useRef<HTMLDivElement>(null);
  useFullBleed(ref);
  return (
    <div ref={ref}>
      {query.isPending ? (
        <div className="px-4">
          <LoadingRows label="Loading the tree" rows={8} />
        </div>
      ) : query.isError ? (
        <div className="px-4">
          <ErrorNotice title="The tree could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : (
        <TreeExplorer view={query.data} initialNode={initialNode} reviewPanel={reviewPanel} />
      )}
    </div>
  );
}
