// `arbor export --format <f> --out <file> [filter flags]`: exports trees as a recorded snapshot (in
// the data folder, like exports from the web app) and copies it to --out. Without filter flags it
// exports the approved trees; --all exports every tree.
import fs from "node:fs";
import path from "node:path";
import { EXPORT_FORMATS, isExportFormat } from "@/lib/core/export/format-info";
import { isLineFormat } from "@/lib/core/export/formats";
import { DEFAULT_EXPORT_QUERY } from "@/lib/core/schemas/exports";
import { jsonlWorkers } from "@/lib/server/export/jsonl-workers";
import { runExportNow } from "@/lib/server/services/export-execution";
import { progressPrinter } from "../progress";
import { withDatabase } from "../with-database";

const FILTER_FLAGS = [
  "q", "group", "category", "tool", "method", "model", "run", "finish", "valid", "status", "reviewer",
  "hallucinated", "apiError", "giveUp", "sizeMin", "sizeMax", "depthMin", "depthMax",
] as const;

const USAGE = `Usage: arbor export --format <format> --out <file> [--all | --query <tree list query> | filter flags] [--json]

Formats: ${EXPORT_FORMATS.join(", ")}
Filter flags (as on the tree list): ${FILTER_FLAGS.map((f) => `--${f}`).join(" ")}
Without a filter, the approved trees are exported (--status approved).`;

interface ExportArgs {
  format?: string;
  out?: string;
  query: string;
  json: boolean;
}

export function parseExportArgs(args: string[]): ExportArgs | { error: string } {
  let format: string | undefined;
  let out: string | undefined;
  let query: string | undefined;
  let all = false;
  let json = false;
  const params = new URLSearchParams();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === "--json") json = true;
    else if (flag === "--all") all = true;
    else if (flag === "--format") format = value();
    else if (flag === "--out") out = value();
    else if (flag === "--query") query = value();
    else if (flag.startsWith("--") && (FILTER_FLAGS as readonly string[]).includes(flag.slice(2))) {
      const v = value();
      if (v === undefined) return { error: `${flag} needs a value` };
      params.set(flag.slice(2), v);
    } else return { error: `Unknown option: ${arg}` };
  }
  if (query !== undefined && params.size > 0) return { error: "Give either --query or filter flags, not both" };
  const q = query ?? (params.size > 0 ? params.toString() : all ? "" : DEFAULT_EXPORT_QUERY);
  return { format, out, query: q, json };
}

export async function exportCommand(args: string[]): Promise<number> {
  const parsed = parseExportArgs(args);
  if ("error" in parsed || !parsed.format || !parsed.out) {
    console.error(`${"error" in parsed ? `${parsed.error}\n\n` : ""}${USAGE}`);
    return 2;
  }
  const out = path.resolve(parsed.out);
  if (!fs.existsSync(path.dirname(out))) {
    console.error(`The folder of --out does not exist: ${path.dirname(out)}`);
    return 2;
  }
  // JSONL formats: the export threads start while the database opens (and stop with its clients)
  if (isExportFormat(parsed.format) && isLineFormat(parsed.format)) jsonlWorkers();
  return withDatabase({ quiet: parsed.json }, async () => {
    const bar = progressPrinter("export");
    let result;
    try {
      result = await runExportNow({ format: parsed.format, query: parsed.query }, (p) => bar.update(p.done, p.total, `· ${p.records} records`));
    } catch (e) {
      bar.finish();
      console.error(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    const seconds = bar.finish();
    await fs.promises.copyFile(result.path, out);
    if (parsed.json) console.log(JSON.stringify({ ...result, out }, null, 2));
    else
      console.log(
        `Exported ${result.trees} trees as ${result.records} ${result.format} records in ${seconds.toFixed(1)} s: snapshot #${result.exportId} ` +
          `(${result.bytes} bytes, sha256 ${result.contentHash.slice(0, 12)}…) → ${out}`,
      );
    return 0;
  });
}
