// The jobs this worker runs, by name.
import type { TaskList } from "graphile-worker";
import { IMPORT_TASK } from "@/lib/server/services/import-runs";
import { importFilesTask } from "./import-files";

export function taskList(workerId: string): TaskList {
  return {
    [IMPORT_TASK]: importFilesTask(workerId),
  };
}
