// Starting an export: a format and which trees, given as a tree list query (the list's filters, as
// in its URL or a saved view). The default is every approved tree.
import { z } from "zod";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/core/export/format-info";
import { describeZodError, searchParamsToObject } from "./search-params";
import { toTreeListSearch, treeListFilter, type TreeListFilter } from "./trees";

export const DEFAULT_EXPORT_QUERY = "status=approved";

const quoted = EXPORT_FORMATS.map((f) => `"${f}"`).join(", ");

export const startExportInput = z
  .object({
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${quoted}` }),
    query: z.string({ error: "query must be text" }).max(2000, "The filter is too long").default(DEFAULT_EXPORT_QUERY),
  })
  .strict();

export type StartExportInput = z.input<typeof startExportInput>;

export interface ExportRequest {
  format: ExportFormat;
  /** the filter in its canonical query-string form (no sort or paging): what the snapshot records */
  query: string;
  filter: TreeListFilter;
}

/** Checks a format and a tree list query; the error names what is wrong. */
export function parseExportRequest(input: unknown): { ok: true; value: ExportRequest } | { ok: false; message: string } {
  const parsed = startExportInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  const raw = parsed.data.query.replace(/^\?/, "");
  const filter = treeListFilter.safeParse(searchParamsToObject(new URLSearchParams(raw)));
  if (!filter.success) return { ok: false, message: `Invalid filter: ${describeZodError(filter.error)}` };
  const value = { ...filter.data, sort: "id" as const, dir: "asc" as const, page: 1 };
  return { ok: true, value: { format: parsed.data.format, query: toTreeListSearch({ ...value, dir: "desc" }), filter: value } };
}
