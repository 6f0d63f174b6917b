// One part of a JSONL export: its trees read by id and written as lines, as UTF-8 bytes. Runs on an
// export worker thread, or on the exporting thread when none can run.
import { writeLines, type LineFormat } from "@/lib/core/export/formats";
import { contentNodes, readsFunctions } from "@/lib/core/export/node-contents";
import { loadOutlinedExportTrees, type Queryable } from "../repositories/export-trees";
import { Utf8Lines } from "./utf8-lines";

export interface JsonlPart {
  /** the lines' bytes, in order */
  chunks: Uint8Array[];
  records: number;
}

/** `spare`: buffers to write into before making new ones (see Utf8Lines). */
export async function writeJsonlPart(db: Queryable, format: LineFormat, ids: number[], spare?: ArrayBuffer[]): Promise<JsonlPart> {
  const trees = await loadOutlinedExportTrees(db, ids, (tree) => contentNodes(format, tree), { functions: readsFunctions(format) });
  const out = new Utf8Lines(spare);
  let records = 0;
  for (const tree of trees) records += writeLines(format, tree, out);
  return { chunks: out.take(), records };
}
