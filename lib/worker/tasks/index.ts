// The jobs this worker runs, by name.
import type { TaskList } from "graphile-worker";
import { IMPORT_TASK } from "@/lib/server/services/import-runs";
import { GENERATE_TASK, SOLVE_TASK } from "@/lib/server/services/run-launch";
import { importFilesTask } from "./import-files";
import { runItemsTask } from "./run-items";

export function taskList(workerId: string): TaskList {
  return {
    [IMPORT_TASK]: importFilesTask(workerId),
    [SOLVE_TASK]: runItemsTask(workerId),
    [GENERATE_TASK]: runItemsTask(workerId),
  };
}
