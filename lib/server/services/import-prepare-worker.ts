// Worker thread of the importer: reads and parses files and builds their COPY text, so parsing runs
// on another core than the one talking to the database.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { prepareFile, type PreparedFile } from "@/lib/core/import/prepare";

export interface PrepareRequest {
  id: number;
  absolutePath: string;
  displayPath: string;
  now: string;
}

export interface PrepareResponse {
  id: number;
  result: PreparedFile;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function prepareFromDisk(req: Omit<PrepareRequest, "id">): PreparedFile {
  let text: string;
  try {
    text = fs.readFileSync(req.absolutePath, "utf8");
  } catch (err) {
    return { kind: "error", message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  return prepareFile(text, req.displayPath, sha256, req.now);
}

parentPort?.on("message", (req: PrepareRequest) => {
  let result: PreparedFile;
  try {
    result = prepareFromDisk(req);
  } catch (err) {
    result = { kind: "error", message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage({ id: req.id, result } satisfies PrepareResponse);
});
