// Starting a worker thread that runs one of the project's TypeScript modules (through ts-worker.mjs,
// which registers tsx in the thread). The thread does not keep the process running by itself; the
// caller hears once when it fails or exits.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { projectRoot } from "./env";

/** `entry`: the module's path from the project root. */
export function startTsWorker(entry: string, onGone: () => void, resourceLimits?: ResourceLimits): Worker {
  const root = projectRoot();
  const workerData = { entry: pathToFileURL(path.join(root, entry)).href, tsconfig: path.join(root, "tsconfig.json") };
  const w = new Worker(path.join(root, "lib", "server", "ts-worker.mjs"), { workerData, resourceLimits });
  w.unref();
  w.on("error", onGone);
  w.on("exit", onGone);
  return w;
}
