// Locates the real ToolBench / StableToolBench files the tests read (never copied into the project):
// $ARBOR_DATASETS, else ../shared/datasets next to the project (or above it).
import fs from "node:fs";
import path from "node:path";

export function datasetsDir(): string {
  const fromEnv = process.env.ARBOR_DATASETS;
  if (fromEnv) return path.resolve(fromEnv);
  let dir = path.resolve(import.meta.dirname, "..", "..");
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "..", "shared", "datasets");
    if (fs.existsSync(candidate)) return path.resolve(candidate);
    dir = path.dirname(dir);
  }
  throw new Error("The shared ToolBench datasets were not found (expected ../shared/datasets; or set ARBOR_DATASETS)");
}

/** Every .json file under the datasets folder (or a sub-folder), relative paths with "/". */
export function datasetFiles(sub = ""): string[] {
  const root = datasetsDir();
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) out.push(path.relative(root, p).split(path.sep).join("/"));
    }
  };
  walk(path.join(root, sub));
  return out;
}

export function readDataset(rel: string): string {
  return fs.readFileSync(path.join(datasetsDir(), rel), "utf8");
}

export function readDatasetJson<T = unknown>(rel: string): T {
  return JSON.parse(readDataset(rel)) as T;
}
