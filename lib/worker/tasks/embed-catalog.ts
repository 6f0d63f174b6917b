// Job "embed_catalog": embedding the catalog's API documents, queued from the Settings page.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { executeQueuedEmbedding } from "@/lib/server/services/embeddings";

const payload = z.object({ runId: z.number().int().positive() });

export function embedCatalogTask(workerId: string): Task {
  return async (raw, helpers) => {
    const { runId } = payload.parse(raw);
    const result = await executeQueuedEmbedding(runId, workerId);
    if (result) helpers.logger.info(`embedding run ${runId}: ${result.embedded} APIs embedded, ${result.unchanged} current`);
  };
}
