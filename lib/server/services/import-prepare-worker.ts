// Worker thread of the importer: reads and parses files and builds their COPY text, so parsing runs
// on another core than the one talking to the database.
import { isAscii } from "node:buffer";
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
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(req.absolutePath);
  } catch (err) {
    return { kind: "error", message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  // The file's hash is taken over its bytes (for valid UTF-8, the same as over its decoded text).
  // Most ToolBench files are ASCII (Python's json.dump escapes the rest): decoded as Latin-1 they
  // give the same string without the cost of UTF-8 decoding.
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const text = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  return prepareFile(text, req.displayPath, sha256, req.now, fileHash);
}

parentPort?.on("message", (req: PrepareRequest) => {
  let result: PreparedFile;
  try {
    result = prepareFromDisk(req);
  } catch (err) {
    result = { kind: "error", message: err instanceof Error ? err.message : String(err) };
  }
  // The rows' bytes move to the importing thread rather than being copied.
  const transfer = result.kind === "trees" ? result.trees.flatMap((t) => [t.treeTail.buffer, t.nodeRows.buffer]) : [];
  parentPort!.postMessage({ id: req.id, result } satisfies PrepareResponse, transfer as ArrayBuffer[]);
});
