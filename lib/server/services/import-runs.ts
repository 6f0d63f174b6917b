// Imports as runs, seen from the web app: queue one for a worker, list them. (Running them is
// import-execution.ts, used by workers and the CLI only.)
import path from "node:path";
import { InvalidInputError } from "@/lib/core/errors";
import { env } from "../env";
import { createQueuedRun, listRuns } from "../repositories/runs";
import { expandInputs } from "./import-inputs";
import type { RunView } from "./runs";

export const IMPORT_TASK = "import_files";

export interface ImportRunConfig {
  /** server-side files or folders */
  paths?: string[];
  /** a folder of uploaded files, named by their paths inside it */
  uploadDir?: string;
}

/** The Import page: queue an import of server-side paths or uploaded files for a worker. */
export async function queueImport(config: ImportRunConfig, title: string, createdById?: number): Promise<number> {
  if (!config.uploadDir && (!config.paths || config.paths.length === 0)) throw new InvalidInputError("Nothing to import: give a file or folder path, or upload files");
  if (config.paths) {
    const { files, missing } = expandInputs(config.paths);
    if (missing.length) throw new InvalidInputError(`No such file or folder on the server: ${missing.join(", ")}`);
    if (files.length === 0) throw new InvalidInputError("No .json files found there");
  }
  return createQueuedRun({ kind: "import", title, config: { ...config }, task: IMPORT_TASK, createdById });
}

/** Where uploads for a run are kept (in the data folder). */
export function uploadsDir(): string {
  return path.join(env().dataDir, "uploads");
}

export function listImportRuns(limit: number): Promise<RunView[]> {
  return listRuns("import", limit);
}
