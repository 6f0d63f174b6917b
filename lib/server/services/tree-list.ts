// The tree list of the review workspace: one page of trees for a filter, how many match, and the
// options of the list's filter controls.
import { CHECK_BIT } from "@/lib/core/checks/definitions";
import { hasTreeFilters, type TreeListFilter } from "@/lib/core/schemas/trees";
import {
  countAllTrees,
  countTreeList,
  estimateTreeList,
  findCategoryId,
  findResolvedSearchPage,
  findTextMatches,
  isStreamingSearch,
  countTreesByGroup,
  countTreesByModel,
  findTreeListIds,
  findTreeListRows,
  listReviewerFacets,
  listTreeRunFacets,
  type ReviewerFacetRow,
  type TextSearch,
  type TreeCountRow,
  type TreeListQuery,
  type TreeListRow,
  type TreeRunFacetRow,
} from "../repositories/tree-list";

export type { ReviewerFacetRow, TreeCountRow, TreeListRow, TreeRunFacetRow };

/**
 * A filtered list is counted up to this many trees; past it the page says "10,000+" (an exact count
 * of a broad filter reads most of the table). The unfiltered list is always counted exactly.
 */
export const TREE_COUNT_CAP = 10_000;
/**
 * A text search is resolved to tree ids (exact, counted) when few trees match; a common one is
 * checked row by row in list order instead, and its total is the planner's estimate. Resolving costs
 * a heap read per match; checking costs a read per row walked, and a page deep into the list walks
 * more rows — so the limit grows with the page's offset: 2,000 matches a side for the first page.
 */
export function textMatchLimitFor(offset: number, pageSize: number): number {
  return Math.min(20_000, Math.round(2_000 * Math.sqrt((offset + pageSize) / 50)));
}

/** exact: `total` trees match; atLeast: more than the cap; estimate: about `total` (a common text search) */
export type TreeTotalKind = "exact" | "atLeast" | "estimate";

export interface TreeListPage {
  items: TreeListRow[];
  page: number;
  pageSize: number;
  total: number;
  totalKind: TreeTotalKind;
  /** null unless the total is exact */
  pageCount: number | null;
  hasNextPage: boolean;
}

const yes = (v: "yes" | "no" | undefined) => (v === undefined ? undefined : v === "yes");

export function toTreeListQuery(f: TreeListFilter, resolved: { categoryId?: number | null; text?: TextSearch } = {}): TreeListQuery {
  return {
    text: resolved.text,
    group: f.group,
    categoryId: resolved.categoryId,
    toolId: f.tool,
    method: f.method,
    model: f.model,
    runId: f.run,
    finishType: f.finish === "none" ? null : f.finish,
    validData: yes(f.valid),
    reviewStatus: f.status,
    reviewerId: f.reviewer,
    passLabel: f.pass === undefined ? undefined : f.pass === "none" ? null : f.pass,
    hasHallucination: yes(f.hallucinated),
    hasApiError: yes(f.apiError),
    hasGiveUp: yes(f.giveUp),
    checkBit: f.check === undefined ? undefined : CHECK_BIT[f.check],
    size: { min: f.sizeMin, max: f.sizeMax },
    depth: { min: f.depthMin, max: f.depthMax },
    sort: f.sort,
    descending: f.dir === "desc",
  };
}

async function totalOf(filter: TreeListFilter, q: TreeListQuery, cap: number): Promise<{ total: number; totalKind: TreeTotalKind }> {
  if (!hasTreeFilters(filter)) return { total: await countAllTrees(), totalKind: "exact" };
  if (isStreamingSearch(q)) return { total: await estimateTreeList(q), totalKind: "estimate" };
  const n = await countTreeList(q, cap + 1);
  return n > cap ? { total: cap, totalKind: "atLeast" } : { total: n, totalKind: "exact" };
}

async function readPage(filter: TreeListFilter, q: TreeListQuery, range: { offset: number; limit: number }, cap: number) {
  if (q.text !== undefined && !isStreamingSearch(q)) {
    const { ids, total } = await findResolvedSearchPage(q, range);
    const n = total ?? (range.offset === 0 ? 0 : await countTreeList(q, Number.MAX_SAFE_INTEGER));
    return [ids, { total: n, totalKind: "exact" as const }] as const;
  }
  return Promise.all([findTreeListIds(q, range), totalOf(filter, q, cap)]);
}

export interface TreeListOptions {
  /** see TREE_COUNT_CAP */
  countCap?: number;
  /** see textMatchLimitFor */
  textMatchLimit?: number;
}

export async function listTreePage(filter: TreeListFilter, options: TreeListOptions = {}): Promise<TreeListPage> {
  const offset = (filter.page - 1) * filter.pageSize;
  const [categoryId, text] = await Promise.all([
    filter.category === undefined ? undefined : findCategoryId(filter.category),
    filter.q === undefined ? undefined : findTextMatches(filter.q, options.textMatchLimit ?? textMatchLimitFor(offset, filter.pageSize)),
  ]);
  const q = toTreeListQuery(filter, { categoryId, text });
  // one row past the page tells whether there is a next page when the total is not exact
  const range = { offset, limit: filter.pageSize + 1 };
  const [ids, counted] = await readPage(filter, q, range, options.countCap ?? TREE_COUNT_CAP);
  const pageIds = ids.slice(0, filter.pageSize);
  const hasNextPage = ids.length > filter.pageSize;
  let { total, totalKind } = counted;
  if (totalKind === "estimate") {
    // an estimate never claims fewer trees than the pages already seen; an empty first page is exact
    if (filter.page === 1 && pageIds.length === 0) [total, totalKind] = [0, "exact"];
    else total = Math.max(total, offset + pageIds.length + (hasNextPage ? 1 : 0));
  }
  const rows = await findTreeListRows(pageIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: pageIds.map((id) => byId.get(id)).filter((r): r is TreeListRow => r !== undefined),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    totalKind,
    pageCount: totalKind === "exact" ? Math.max(1, Math.ceil(total / filter.pageSize)) : null,
    hasNextPage,
  };
}

export interface TreeFacets {
  groups: TreeCountRow[];
  models: TreeCountRow[];
  runs: TreeRunFacetRow[];
  reviewers: ReviewerFacetRow[];
}

export async function getTreeFacets(): Promise<TreeFacets> {
  const [groups, models, runs, reviewers] = await Promise.all([countTreesByGroup(), countTreesByModel(), listTreeRunFacets(), listReviewerFacets()]);
  return { groups, models, runs, reviewers };
}
