// Walking parsed or stored trees: paths from the root, statistics, ToolBench's status codes.
import { isApiErrorCode } from "./status-codes";
import type { ParsedNode, TreeStats } from "./types";

type PathNode = Pick<ParsedNode, "idx" | "parentIdx">;

/** The nodes from the root to `leafIdx`, root first. Nodes are indexed by idx (pre-order). */
export function pathToNode<T extends PathNode>(nodes: readonly T[], leafIdx: number): T[] {
  const byIdx = nodes[leafIdx]?.idx === leafIdx ? undefined : new Map(nodes.map((n) => [n.idx, n]));
  const get = (i: number) => (byIdx ? byIdx.get(i) : nodes[i]);
  const path: T[] = [];
  let current = get(leafIdx);
  const guard = nodes.length + 1;
  while (current && path.length <= guard) {
    path.push(current);
    current = current.parentIdx === null ? undefined : get(current.parentIdx);
  }
  return path.reverse();
}

export function treeStats(nodes: readonly ParsedNode[]): TreeStats {
  let maxDepth = 0;
  let hallucinatedCount = 0;
  let apiErrorCount = 0;
  let giveUpCount = 0;
  for (const n of nodes) {
    if (n.depth > maxDepth) maxDepth = n.depth;
    const c = n.observationCode;
    if (c === 1) hallucinatedCount++;
    else if (c === 4) giveUpCount++;
    else if (isApiErrorCode(c)) apiErrorCount++;
  }
  return { size: nodes.length, maxDepth, hallucinatedCount, apiErrorCount, giveUpCount };
}
