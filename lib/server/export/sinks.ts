// Writers for the formats made from whole trees (a zip of answer files, Parquet): trees go in batch
// by batch and come out as bytes on a file, so an export's memory stays flat however many trees it writes.
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import yazl from "yazl";
import { answerFilePath } from "@/lib/core/export/answer-file";
import { PARQUET_COLUMNS, parquetRow, toAnswerFile, type ExportFormat } from "@/lib/core/export/formats";
import type { ExportTree } from "@/lib/core/export/types";
import type { HashingFileOut } from "./file-out";

export interface ExportSink {
  /** Writes the trees; returns how many records they made. */
  add(trees: readonly ExportTree[]): Promise<number>;
  finish(): Promise<void>;
}

/** The formats written from whole trees on the exporting thread (JSONL formats: jsonl-workers.ts). */
export type TreeFormat = Extract<ExportFormat, "toolbench_answers" | "parquet">;

export function createSink(format: TreeFormat, out: HashingFileOut): ExportSink {
  return format === "toolbench_answers" ? zipSink(out) : parquetSink(out);
}

type ZipInternals = { entries?: { state: number }[] };
const ENTRY_DATA_DONE = 3;

function zipSink(out: HashingFileOut): ExportSink {
  const zip = new yazl.ZipFile();
  const names = new Set<string>();
  let failure: Error | undefined;
  const piped = (async () => {
    try {
      for await (const chunk of zip.outputStream) await out.write(chunk as Buffer);
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
  })();
  // Entries are compressed quickly rather than small (level 1): answer files are text and still
  // shrink several-fold. The archive compresses entries as they are added; wait for a batch to reach the file before
  // adding the next, so entries never pile up in memory.
  const caughtUp = async () => {
    const entries = (zip as unknown as ZipInternals).entries;
    while (!failure && Array.isArray(entries) && entries.some((e) => e.state < ENTRY_DATA_DONE)) await new Promise((r) => setTimeout(r, 1));
    if (failure) throw failure;
  };
  const mtime = new Date();
  return {
    async add(trees) {
      for (const tree of trees) {
        const name = answerFilePath(tree, (n) => names.has(n));
        names.add(name);
        zip.addBuffer(Buffer.from(JSON.stringify(toAnswerFile(tree), null, 2)), name, { mtime, compress: true, compressionLevel: 1 });
      }
      await caughtUp();
      return trees.length;
    },
    async finish() {
      zip.end();
      await piped;
      if (failure) throw failure;
    },
  };
}

function parquetSink(out: HashingFileOut): ExportSink {
  const bytes = new ByteWriter();
  let pending = Promise.resolve();
  // Each row group is written to the file as soon as it is encoded.
  const flush = () => {
    const chunk = new Uint8Array(bytes.buffer.slice(0, bytes.index));
    bytes.index = 0;
    pending = pending.then(() => out.write(chunk));
    return pending;
  };
  (bytes as unknown as { flush: () => Promise<void> }).flush = flush;
  let writer: ParquetWriter | undefined;
  const columnsOf = (rows: ReturnType<typeof parquetRow>[]): ColumnSource[] =>
    PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, data: rows.map((r) => r[c.name]) }));
  return {
    async add(trees) {
      if (trees.length === 0) return 0;
      const columnData = columnsOf(trees.map(parquetRow));
      writer ??= new ParquetWriter({ writer: bytes, schema: schemaFromColumnData({ columnData }), createdBy: "Arbor" });
      await writer.write({ columnData, rowGroupSize: trees.length });
      await flush();
      return trees.length;
    },
    async finish() {
      if (!writer) {
        const columnData = columnsOf([]);
        writer = new ParquetWriter({ writer: bytes, schema: schemaFromColumnData({ columnData }), createdBy: "Arbor" });
      }
      writer.finish();
      await flush();
    },
  };
}
