// Entry of worker threads that run TypeScript modules: registers tsx (with the project's tsconfig,
// for "@/…" imports) in this thread, then loads the module named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
