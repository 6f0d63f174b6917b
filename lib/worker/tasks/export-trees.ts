// Job "export_trees": an export queued from the Exports page.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { executeQueuedExport } from "@/lib/server/services/export-execution";

const payload = z.object({ runId: z.number().int().positive() });

export function exportTreesTask(workerId: string): Task {
  return async (raw, helpers) => {
    const { runId } = payload.parse(raw);
    const result = await executeQueuedExport(runId, workerId);
    if (result) helpers.logger.info(`export run ${runId}: snapshot #${result.exportId}, ${result.records} records from ${result.trees} trees`);
  };
}
