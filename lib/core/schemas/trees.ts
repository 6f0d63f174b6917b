// The tree list's filters and sort: parsed from the URL by the page and by GET /api/trees, written
// back to the URL by the page (so a view is a shareable link), and stored as saved views.
import { z } from "zod";
import { CHECK_KEYS } from "../checks/definitions";
import { searchParamsToObject } from "./search-params";

export const TREE_PAGE_SIZE = 50;
export const MAX_TREE_PAGE_SIZE = 200;

export const TREE_METHODS = ["dfsdt", "dfs", "react", "other"] as const;
export const REVIEW_STATUSES = ["unreviewed", "in_review", "approved", "rejected", "needs_fix"] as const;
/** How the search ended, as ToolBench writes it; "none" when the file did not say. */
export const FINISH_TYPES = ["give_answer", "give_up", "none"] as const;
/** The pass-rate judge's majority label; "none" for trees not judged yet. */
export const PASS_FILTERS = ["Solved", "Unsolved", "Unsure", "none"] as const;
/** errors = hallucinated + API-error + give-up observations */
export const TREE_SORTS = ["id", "size", "depth", "calls", "errors"] as const;

export type TreeMethodName = (typeof TREE_METHODS)[number];
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];
export type TreeSort = (typeof TREE_SORTS)[number];

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");
const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) => z.enum(values, { error: `${what} must be one of ${quoted(values)}` });
const positiveId = (what: string) =>
  z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).positive(`${what} must be positive`).max(2_147_483_647, `${what} is too large`);
const bound = (what: string) =>
  z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} must be at least 0`).max(1_000_000, `${what} must be at most 1000000`);
const yesNo = (what: string) => oneOf(what, ["yes", "no"]);

export const treeListFilter = z
  .object({
    /** Full-text search on the instruction's query and the tree's final answer (websearch syntax). */
    q: z.string().max(200, "search text must be at most 200 characters").optional(),
    group: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "group must be a name such as G1").optional(),
    /** A category's standardized name (through the tree's instruction). */
    category: z.string().max(200, "category must be at most 200 characters").optional(),
    /** A catalog tool id (through the tree's instruction). */
    tool: positiveId("tool").optional(),
    method: oneOf("method", TREE_METHODS).optional(),
    model: z.string().max(200, "model must be at most 200 characters").optional(),
    /** The run (import or solve) that produced the tree. */
    run: positiveId("run").optional(),
    finish: oneOf("finish", FINISH_TYPES).optional(),
    valid: yesNo("valid").optional(),
    status: oneOf("status", REVIEW_STATUSES).optional(),
    /** A user id: trees with a current (neither superseded nor undone) review by that user. */
    reviewer: positiveId("reviewer").optional(),
    /** The tree's pass-rate verdict (evaluation runs). */
    pass: oneOf("pass", PASS_FILTERS).optional(),
    /** Whether the tree has a hallucinated call (code 1), an API error (codes 2, 5–12), a give-up (code 4). */
    hallucinated: yesNo("hallucinated").optional(),
    apiError: yesNo("apiError").optional(),
    giveUp: yesNo("giveUp").optional(),
    /** A per-step check found somewhere in the tree (lib/core/checks). */
    check: oneOf("check", CHECK_KEYS).optional(),
    sizeMin: bound("sizeMin").optional(),
    sizeMax: bound("sizeMax").optional(),
    depthMin: bound("depthMin").optional(),
    depthMax: bound("depthMax").optional(),
    sort: oneOf("sort", TREE_SORTS).default("id"),
    dir: oneOf("dir", ["desc", "asc"]).default("desc"),
    page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(1_000_000, "page must be at most 1000000").default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int("pageSize must be a whole number")
      .min(1, "pageSize must be at least 1")
      .max(MAX_TREE_PAGE_SIZE, `pageSize must be at most ${MAX_TREE_PAGE_SIZE}`)
      .default(TREE_PAGE_SIZE),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.sizeMin !== undefined && f.sizeMax !== undefined && f.sizeMin > f.sizeMax) ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "sizeMax must not be below sizeMin" });
    if (f.depthMin !== undefined && f.depthMax !== undefined && f.depthMin > f.depthMax) ctx.addIssue({ code: "custom", path: ["depthMax"], message: "depthMax must not be below depthMin" });
  });

export type TreeListFilter = z.output<typeof treeListFilter>;
export type TreeListFilterInput = z.input<typeof treeListFilter>;

// A fixed key order keeps URLs (and so shared links and saved views) identical for identical views.
const FILTER_KEYS = [
  "q", "group", "category", "tool", "method", "model", "run", "finish", "valid", "status", "reviewer", "pass",
  "hallucinated", "apiError", "giveUp", "check", "sizeMin", "sizeMax", "depthMin", "depthMax",
] as const;
const KEY_ORDER = [...FILTER_KEYS, "sort", "dir", "page", "pageSize"] as const;
const DEFAULTS: Partial<Record<(typeof KEY_ORDER)[number], string | number>> = { sort: "id", dir: "desc", page: 1, pageSize: TREE_PAGE_SIZE };

/** The query string for a filter, leaving out defaults; "" for the default view. */
export function toTreeListSearch(filter: Partial<TreeListFilter>): string {
  const params = new URLSearchParams();
  for (const key of KEY_ORDER) {
    const value = filter[key];
    if (value === undefined || value === "" || value === DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** True when anything narrows the list (sorting and paging do not). */
export function hasTreeFilters(filter: Partial<TreeListFilter>): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== undefined && filter[k] !== "");
}

export const MAX_SAVED_VIEWS = 100;

/** Saving the current view under a name; the query must be a valid tree list query. */
export const saveTreeViewInput = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, "Give the view a name").max(80, "A view name has at most 80 characters"),
    query: z
      .string({ error: "query is required" })
      .max(2000, "The view's query is too long")
      .refine((q) => treeListFilter.safeParse(searchParamsToObject(new URLSearchParams(q))).success, "The view's filters are not valid tree list filters"),
  })
  .strict();

export const deleteSavedViewInput = z.object({ id: positiveId("id") }).strict();

/** A saved view's stored query: the filter and sort, always from page 1. */
export function savedViewQuery(query: string): string {
  const parsed = treeListFilter.parse(searchParamsToObject(new URLSearchParams(query)));
  return toTreeListSearch({ ...parsed, page: 1 });
}
