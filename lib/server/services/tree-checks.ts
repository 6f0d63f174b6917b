// Recomputing the per-step checks of stored trees: trees written before the checks existed carry 0,
// and a change to the checks changes what older trees should say. Walks every tree in id order, in
// batches, and writes only what differs.
import { runChecks } from "@/lib/core/checks/step-checks";
import { readTreesForChecks, writeChecks, type ChecksUpdate } from "../repositories/tree-checks";

export interface RecomputeProgress {
  trees: number;
  /** trees whose stored checks changed */
  changed: number;
}

export async function recomputeChecks(onProgress?: (p: RecomputeProgress) => void, batchSize = 200): Promise<RecomputeProgress> {
  const progress: RecomputeProgress = { trees: 0, changed: 0 };
  let afterId = 0;
  for (;;) {
    const rows = await readTreesForChecks(afterId, batchSize);
    if (rows.length === 0) break;
    const updates: ChecksUpdate[] = [];
    for (const t of rows) {
      const result = runChecks({
        nodes: t,
        functions: Array.isArray(t.functions) ? t.functions : [],
        finalAnswer: t.finalAnswer,
        truncated: t.truncated,
      });
      const nodes: ChecksUpdate["nodes"] = [];
      result.nodes.forEach((bits, idx) => {
        if ((t.checks[idx] ?? 0) !== bits) nodes.push({ idx, checks: bits });
      });
      if (nodes.length > 0 || t.checkFlags !== result.tree) updates.push({ treeId: t.id, checkFlags: result.tree, nodes });
    }
    await writeChecks(updates);
    progress.trees += rows.length;
    progress.changed += updates.length;
    afterId = rows[rows.length - 1]!.id;
    onProgress?.({ ...progress });
  }
  return progress;
}
