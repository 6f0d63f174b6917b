// The jobs this worker runs, by name.
import type { TaskList } from "graphile-worker";
import { EMBED_TASK } from "@/lib/server/services/embeddings";
import { EVALUATE_TASK } from "@/lib/server/services/evaluation-runs";
import { EXPORT_TASK } from "@/lib/server/services/exports";
import { IMPORT_TASK } from "@/lib/server/services/import-runs";
import { GENERATE_TASK, SOLVE_TASK } from "@/lib/server/services/run-launch";
import { embedCatalogTask } from "./embed-catalog";
import { exportTreesTask } from "./export-trees";
import { importFilesTask } from "./import-files";
import { runItemsTask } from "./run-items";

export function taskList(workerId: string): TaskList {
  return {
    [IMPORT_TASK]: importFilesTask(workerId),
    [EXPORT_TASK]: exportTreesTask(workerId),
    [EMBED_TASK]: embedCatalogTask(workerId),
    [SOLVE_TASK]: runItemsTask(workerId),
    [GENERATE_TASK]: runItemsTask(workerId),
    [EVALUATE_TASK]: runItemsTask(workerId),
  };
}
