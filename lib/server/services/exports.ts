// Exports, seen from the web app: a filter and a format become a recorded snapshot — a file under the
// data folder with its count, content hash, who made it and when. The web app queues an export as a
// run for a worker (running it is export-execution.ts, used by workers and the CLI only); snapshots
// are listed and opened for download here.
import fs from "node:fs";
import path from "node:path";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { EXPORT_FORMAT_INFO, exportFileName, isExportFormat, type ExportFormat } from "@/lib/core/export/format-info";
import { parseExportRequest, type ExportRequest } from "@/lib/core/schemas/exports";
import type { TreeListFilter } from "@/lib/core/schemas/trees";
import { env } from "../env";
import { countExportTrees, findExportRow, listExportRows, type ExportRow } from "../repositories/exports";
import { createQueuedRun, listRuns, type RunView } from "../repositories/runs";
import { findCategoryId, type TreeListQuery } from "../repositories/tree-list";
import { toTreeListQuery } from "./tree-list";

export const EXPORT_TASK = "export_trees";

export interface ExportRunConfig {
  format: ExportFormat;
  query: string;
}

export interface ExportResult {
  exportId: number;
  runId: number;
  format: ExportFormat;
  trees: number;
  records: number;
  bytes: number;
  contentHash: string;
  path: string;
}

export interface ExportProgress {
  done: number;
  total: number;
  records: number;
}

export const exportsDir = () => path.join(env().dataDir, "exports");

export function exportRequest(input: unknown): ExportRequest {
  const parsed = parseExportRequest(input);
  if (!parsed.ok) throw new InvalidInputError(parsed.message);
  return parsed.value;
}

/** The filter as the list's query; a text search is checked row by row (an export reads every match anyway). */
export async function queryFor(filter: TreeListFilter): Promise<TreeListQuery> {
  const categoryId = filter.category === undefined ? undefined : await findCategoryId(filter.category);
  const text = filter.q === undefined ? undefined : { text: filter.q, answerTreeIds: null, queryTreeIds: null, answerShare: 1, queryShare: 1 };
  return toTreeListQuery(filter, { categoryId, text });
}

export const describeExport = (r: ExportRequest) => `${EXPORT_FORMAT_INFO[r.format].label}${r.query ? ` · ${r.query}` : " · all trees"}`;

/** The Exports page: checks the request, refuses a filter that matches nothing, and queues the run. */
export async function queueExport(input: unknown, createdById?: number): Promise<number> {
  const r = exportRequest(input);
  const total = await countExportTrees(await queryFor(r.filter));
  if (total === 0) throw new InvalidInputError("No tree matches this filter: nothing to export");
  const config: ExportRunConfig = { format: r.format, query: r.query };
  return createQueuedRun({ kind: "export", title: `Export ${describeExport(r)}`.slice(0, 200), config: { ...config }, task: EXPORT_TASK, createdById });
}

export interface ExportView extends Omit<ExportRow, "path"> {
  fileName: string;
  formatLabel: string;
}

function toView({ path: _path, ...row }: ExportRow): ExportView {
  const format = isExportFormat(row.format) ? row.format : undefined;
  return { ...row, fileName: format ? exportFileName(row.id, format) : `arbor-export-${row.id}`, formatLabel: format ? EXPORT_FORMAT_INFO[format].label : row.format };
}

export async function listExports(limit = 50): Promise<ExportView[]> {
  return (await listExportRows(limit)).map(toView);
}

export function listExportRuns(limit = 10): Promise<RunView[]> {
  return listRuns("export", limit);
}

/** A snapshot's file, to stream as a download. */
export async function openExportFile(id: number): Promise<{ view: ExportView; stream: fs.ReadStream; size: number; contentType: string }> {
  const row = await findExportRow(id);
  if (!row || !row.path) throw new NotFoundError(`There is no export #${id}`);
  const file = path.resolve(exportsDir(), row.path);
  if (path.dirname(file) !== path.resolve(exportsDir())) throw new NotFoundError(`There is no export #${id}`);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) throw new NotFoundError(`The file of export #${id} is no longer on the server`);
  const contentType = isExportFormat(row.format) ? EXPORT_FORMAT_INFO[row.format].contentType : "application/octet-stream";
  return { view: toView(row), stream: fs.createReadStream(file), size: stat.size, contentType };
}
