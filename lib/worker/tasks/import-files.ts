// Job "import_files": an import queued from the Import page.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { executeQueuedImport } from "@/lib/server/services/import-execution";

const payload = z.object({ runId: z.number().int().positive() });

export function importFilesTask(workerId: string): Task {
  return async (raw, helpers) => {
    const { runId } = payload.parse(raw);
    const result = await executeQueuedImport(runId, workerId);
    if (result) helpers.logger.info(`import run ${runId}: ${result.summary.trees} trees, ${result.summary.errors.length} errors`);
  };
}
