// The jobs this worker runs, by name. Job names and payloads are declared in lib/server/jobs.ts.
import type { TaskList } from "graphile-worker";

export function taskList(_workerId: string): TaskList {
  return {};
}
