// The tree list: every tree filtered, sorted and paged in SQL. Filters on the tree's own columns are
// answered from the narrow "list" indexes (Tree rows are ~2 KB, so anything that reads the heap for
// every tree is too slow at 126k trees); category, tool and query text go through the tree's
// instruction; the reviewer filter through that reviewer's current reviews.
import type { ReviewStatusName, TreeMethodName, TreeSort } from "@/lib/core/schemas/trees";
import { Prisma, prisma } from "../db/client";

/** A text search, resolved to tree ids side by side where few enough trees match (see findTextMatches). */
export interface TextSearch {
  text: string;
  /** trees whose final answer matches; null when more than the probe's limit do */
  answerTreeIds: number[] | null;
  /** trees whose instruction's query matches; null when more than the probe's limit of instructions do */
  queryTreeIds: number[] | null;
  /** the planner's estimate of the share of final answers / of queries that match */
  answerShare: number;
  queryShare: number;
}

export interface TreeListQuery {
  text?: TextSearch;
  group?: string;
  /** null: a category name that does not exist (matches nothing) */
  categoryId?: number | null;
  toolId?: number;
  method?: TreeMethodName;
  model?: string;
  runId?: number;
  /** null: the file did not say how the search ended */
  finishType?: string | null;
  validData?: boolean;
  reviewStatus?: ReviewStatusName;
  reviewerId?: number;
  /** the pass-rate verdict's label; null: not judged */
  passLabel?: "Solved" | "Unsolved" | "Unsure" | null;
  hasHallucination?: boolean;
  hasApiError?: boolean;
  hasGiveUp?: boolean;
  /** a per-step check's bit (lib/core/checks): trees where any node has it */
  checkBit?: number;
  size?: { min?: number; max?: number };
  depth?: { min?: number; max?: number };
  sort: TreeSort;
  descending: boolean;
}

export interface TreeListRow {
  id: number;
  instructionId: number;
  group: string;
  externalId: string | null;
  /** the instruction's query, cut to QUERY_EXCERPT characters ("…" marks a cut) */
  query: string;
  /** the final answer, cut to ANSWER_EXCERPT characters ("…" marks a cut) */
  finalAnswer: string | null;
  method: TreeMethodName;
  methodLabel: string;
  model: string | null;
  finishType: string | null;
  validData: boolean;
  size: number;
  maxDepth: number;
  queryCount: number;
  hallucinatedCount: number;
  apiErrorCount: number;
  giveUpCount: number;
  reviewStatus: ReviewStatusName;
  reviewCount: number;
  /** the pass-rate verdict, when the tree was judged */
  passVerdict: { label: string; passed: boolean; passVotes: number; judgements: number; score: number } | null;
}

const QUERY_EXCERPT = 300;
const ANSWER_EXCERPT = 160;

const tsquery = (text: string) => Prisma.sql`websearch_to_tsquery('english', ${text})`;

function range(column: Prisma.Sql, r: { min?: number; max?: number } | undefined): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (r?.min !== undefined) out.push(Prisma.sql`${column} >= ${r.min}`);
  if (r?.max !== undefined) out.push(Prisma.sql`${column} <= ${r.max}`);
  return out;
}

const has = (column: Prisma.Sql, yes: boolean | undefined): Prisma.Sql[] =>
  yes === undefined ? [] : [yes ? Prisma.sql`${column} > 0` : Prisma.sql`${column} = 0`];

const isResolved = (s: TextSearch | undefined): s is TextSearch & { answerTreeIds: number[]; queryTreeIds: number[] } =>
  s !== undefined && s.answerTreeIds !== null && s.queryTreeIds !== null;

/** The filters every list index can answer, plus a text search already resolved to tree ids. */
function conditions(q: TreeListQuery): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (q.group !== undefined) c.push(Prisma.sql`t."group" = ${q.group}`);
  if (q.method !== undefined) c.push(Prisma.sql`t.method = ${q.method}::"TreeMethod"`);
  if (q.model !== undefined) c.push(Prisma.sql`t.model = ${q.model}`);
  if (q.runId !== undefined) c.push(Prisma.sql`t."runId" = ${q.runId}`);
  if (q.finishType === null) c.push(Prisma.sql`t."finishType" is null`);
  else if (q.finishType !== undefined) c.push(Prisma.sql`t."finishType" = ${q.finishType}`);
  if (q.validData !== undefined) c.push(Prisma.sql`t."validData" = ${q.validData}`);
  if (q.reviewStatus !== undefined) c.push(Prisma.sql`t."reviewStatus" = ${q.reviewStatus}::"ReviewStatus"`);
  c.push(...has(Prisma.sql`t."hallucinatedCount"`, q.hasHallucination));
  c.push(...has(Prisma.sql`t."apiErrorCount"`, q.hasApiError));
  c.push(...has(Prisma.sql`t."giveUpCount"`, q.hasGiveUp));
  // tested on the list indexes' copy of checkFlags, like the counts above
  if (q.checkBit !== undefined) c.push(Prisma.sql`(t."checkFlags" & ${q.checkBit}::int) <> 0`);
  c.push(...range(Prisma.sql`t.size`, q.size));
  c.push(...range(Prisma.sql`t."maxDepth"`, q.depth));
  // category and tool are the instruction's: one pass over instructions tests both
  const byInstruction: Prisma.Sql[] = [];
  if (q.categoryId === null) c.push(Prisma.sql`false`);
  else if (q.categoryId !== undefined) byInstruction.push(Prisma.sql`i."categoryIds" @> array[${q.categoryId}]::int[]`);
  if (q.toolId !== undefined) byInstruction.push(Prisma.sql`i."toolIds" @> array[${q.toolId}]::int[]`);
  if (byInstruction.length) c.push(Prisma.sql`t."instructionId" in (select i.id from "Instruction" i where ${Prisma.join(byInstruction, " and ")})`);
  if (q.reviewerId !== undefined) {
    c.push(Prisma.sql`t.id in (select r."treeId" from "Review" r
      where r."reviewerId" = ${q.reviewerId} and r."supersededAt" is null and r."undoneAt" is null)`);
  }
  if (q.passLabel === null) c.push(Prisma.sql`not exists (select 1 from "TreePassVerdict" v where v."treeId" = t.id)`);
  else if (q.passLabel !== undefined) c.push(Prisma.sql`t.id in (select v."treeId" from "TreePassVerdict" v where v.label = ${q.passLabel}::"PassLabel")`);
  if (isResolved(q.text)) c.push(Prisma.sql`t.id = any(${[...new Set([...q.text.answerTreeIds, ...q.text.queryTreeIds])]}::int[])`);
  return c;
}

const whereOf = (c: Prisma.Sql[]) => (c.length ? Prisma.sql`where ${Prisma.join(c, " and ")}` : Prisma.empty);

/**
 * The text check for a search too common to resolve to ids, per candidate row `alias` (with id and
 * "instructionId"): a side resolved to ids is a lookup, the other reads the row's search vector.
 * "offset 0" keeps each EXISTS a per-row probe: otherwise the planner, expecting to test every tree,
 * would first collect every match into a hash — exactly the cost this path exists to avoid.
 */
function textCheck(s: TextSearch, alias: Prisma.Sql): Prisma.Sql {
  const answer = s.answerTreeIds
    ? Prisma.sql`${alias}.id = any(${s.answerTreeIds}::int[])`
    : Prisma.sql`exists (select 1 from "Tree" a where a.id = ${alias}.id and a.search @@ ${tsquery(s.text)} offset 0)`;
  const query = s.queryTreeIds
    ? Prisma.sql`${alias}.id = any(${s.queryTreeIds}::int[])`
    : Prisma.sql`exists (select 1 from "Instruction" i where i.id = ${alias}."instructionId" and i.search @@ ${tsquery(s.text)} offset 0)`;
  return Prisma.sql`(${answer} or ${query})`;
}

const SORT_KEYS: Record<TreeSort, Prisma.Sql> = {
  id: Prisma.sql`t.id`,
  size: Prisma.sql`t.size`,
  depth: Prisma.sql`t."maxDepth"`,
  calls: Prisma.sql`t."queryCount"`,
  errors: Prisma.sql`t."errorCount"`, // generated: hallucinated + API errors + give-ups
};

function orderBy(q: TreeListQuery, key: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  const dir = q.descending ? Prisma.sql`desc` : Prisma.sql`asc`;
  // ids break ties, in the same direction, so pages are stable and an index on (key, id) serves both
  return q.sort === "id" ? Prisma.sql`order by ${id} ${dir}` : Prisma.sql`order by ${key} ${dir}, ${id} ${dir}`;
}

/** Whether the text search is checked row by row (too many matches to resolve to ids). */
export const isStreamingSearch = (q: TreeListQuery) => q.text !== undefined && !isResolved(q.text);

/** The ids of one page, in list order. */
export async function findTreeListIds(q: TreeListQuery, page: { offset: number; limit: number }): Promise<number[]> {
  const where = whereOf(conditions(q));
  const sql =
    q.text !== undefined && !isResolved(q.text)
      ? // the cheap filters walk a list index in order; the costly text check reads only rows that pass them
        Prisma.sql`select c.id from (select t.id, t."instructionId", ${SORT_KEYS[q.sort]} as k from "Tree" t ${where} ${orderBy(q, SORT_KEYS[q.sort], Prisma.sql`t.id`)} offset 0) c
          where ${textCheck(q.text, Prisma.sql`c`)} ${orderBy(q, Prisma.sql`c.k`, Prisma.sql`c.id`)} limit ${page.limit} offset ${page.offset}`
      : Prisma.sql`select t.id from "Tree" t ${where} ${orderBy(q, SORT_KEYS[q.sort], Prisma.sql`t.id`)} limit ${page.limit} offset ${page.offset}`;
  const rows = await prisma().$queryRaw<{ id: number }[]>(sql);
  return rows.map((r) => r.id);
}

/**
 * One page of a search resolved to ids, with how many trees match in all: the candidates are few,
 * so they are counted as the page is read (null when the page is empty).
 */
export async function findResolvedSearchPage(q: TreeListQuery, page: { offset: number; limit: number }): Promise<{ ids: number[]; total: number | null }> {
  if (!isResolved(q.text)) throw new Error("Only a search resolved to ids is paged with its total");
  const rows = await prisma().$queryRaw<{ id: number; total: number }[]>`
    select t.id, (count(*) over ())::int as total from "Tree" t ${whereOf(conditions(q))}
    ${orderBy(q, SORT_KEYS[q.sort], Prisma.sql`t.id`)} limit ${page.limit} offset ${page.offset}`;
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? null };
}

/** How many trees match, counting no further than `cap` (a count stops being cheap long before 126k). */
export async function countTreeList(q: TreeListQuery, cap: number): Promise<number> {
  if (isStreamingSearch(q)) throw new Error("A row-by-row text search is estimated, not counted (estimateTreeList)");
  const rows = await prisma().$queryRaw<{ n: number }[]>`
    select count(*)::int as n from (select 1 from "Tree" t ${whereOf(conditions(q))} limit ${cap}) matching`;
  return rows[0]?.n ?? 0;
}

/**
 * About how many trees match a search too common to count: the planner's estimate for the other
 * filters times the share of trees the search matches on either side (the planner has no useful
 * estimate for an OR across two tables; it has good ones for each side's words).
 */
export async function estimateTreeList(q: TreeListQuery): Promise<number> {
  if (!q.text) throw new Error("Only text searches are estimated");
  const others = await estimateRows(Prisma.sql`select 1 from "Tree" t ${whereOf(conditions({ ...q, text: undefined }))}`);
  const { answerShare: a, queryShare: b } = q.text;
  return Math.round(others * (a + b - a * b));
}

/** Every tree, counted exactly (an index-only scan). */
export async function countAllTrees(): Promise<number> {
  const rows = await prisma().$queryRaw<{ n: number }[]>`select count(*)::int as n from "Tree"`;
  return rows[0]?.n ?? 0;
}

export async function findCategoryId(standardizedName: string): Promise<number | null> {
  const rows = await prisma().$queryRaw<{ id: number }[]>`select id from "Category" where "standardizedName" = ${standardizedName}`;
  return rows[0]?.id ?? null;
}

async function estimateRows(sql: Prisma.Sql): Promise<number> {
  const rows = await prisma().$queryRaw<{ "QUERY PLAN": unknown }[]>`explain (format json) ${sql}`;
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  return Math.round(plan[0]?.Plan["Plan Rows"] ?? 0);
}

/**
 * The trees a text search matches, side by side, each from its GIN index — but only for a side the
 * planner expects at most `limit` matches on (its statistics know the common words), and only up to
 * `limit`: a side with more is left null, to be checked row by row instead. Turning a common word's
 * matches into ids costs a heap read per match, more than the whole page it is for.
 */
export async function findTextMatches(text: string, limit: number): Promise<TextSearch> {
  const answerSql = Prisma.sql`select a.id from "Tree" a where a.search @@ ${tsquery(text)}`;
  const querySql = Prisma.sql`select i.id from "Instruction" i where i.search @@ ${tsquery(text)}`;
  const [answerEstimate, queryEstimate, trees, instructions] = await Promise.all([
    estimateRows(answerSql),
    estimateRows(querySql),
    estimateRows(Prisma.sql`select 1 from "Tree"`),
    estimateRows(Prisma.sql`select 1 from "Instruction"`),
  ]);
  const [answers, queries] = await Promise.all([
    answerEstimate > limit ? null : prisma().$queryRaw<{ id: number }[]>`${answerSql} limit ${limit + 1}`,
    queryEstimate > limit
      ? null
      : prisma().$queryRaw<{ matched: number; ids: number[] }[]>`
          with m as materialized (${querySql} limit ${limit + 1})
          select (select count(*) from m)::int as matched, coalesce(array_agg(b.id), '{}') as ids
          from m join "Tree" b on b."instructionId" = m.id`,
  ]);
  const q = queries?.[0];
  const share = (n: number, of: number) => Math.min(1, n / Math.max(1, of));
  return {
    text,
    answerTreeIds: answers === null || answers.length > limit ? null : answers.map((r) => r.id),
    queryTreeIds: q === undefined || q.matched > limit ? null : q.ids,
    answerShare: share(answers === null || answers.length > limit ? answerEstimate : answers.length, trees),
    queryShare: share(q === undefined || q.matched > limit ? queryEstimate : q.matched, instructions),
  };
}

/** The first `n` characters of a text column, with "…" when there is more. */
const excerpt = (column: Prisma.Sql, n: number) => Prisma.sql`case when length(${column}) > ${n} then left(${column}, ${n - 1}) || '…' else ${column} end`;

/** The list columns of the given trees (in no particular order). */
export async function findTreeListRows(ids: number[]): Promise<TreeListRow[]> {
  if (ids.length === 0) return [];
  return prisma().$queryRaw<TreeListRow[]>`
    select t.id, t."instructionId", t."group", i."externalId", ${excerpt(Prisma.sql`i.query`, QUERY_EXCERPT)} as query,
           ${excerpt(Prisma.sql`t."finalAnswer"`, ANSWER_EXCERPT)} as "finalAnswer", t.method::text as method, t."methodLabel", t.model,
           t."finishType", t."validData", t.size, t."maxDepth", t."queryCount", t."hallucinatedCount", t."apiErrorCount",
           t."giveUpCount", t."reviewStatus"::text as "reviewStatus", t."reviewCount",
           (select json_build_object('label', v.label, 'passed', v.passed, 'passVotes', v."passVotes", 'judgements', v.judgements, 'score', v.score)
            from "TreePassVerdict" v where v."treeId" = t.id) as "passVerdict"
    from "Tree" t join "Instruction" i on i.id = t."instructionId"
    where t.id = any(${ids}::int[])`;
}


export interface TreeCountRow {
  value: string;
  count: number;
}

export async function countTreesByGroup(): Promise<TreeCountRow[]> {
  return prisma().$queryRaw<TreeCountRow[]>`select "group" as value, count(*)::int as count from "Tree" group by "group" order by "group"`;
}

export async function countTreesByModel(): Promise<TreeCountRow[]> {
  return prisma().$queryRaw<TreeCountRow[]>`
    select model as value, count(*)::int as count from "Tree" where model is not null group by model order by count(*) desc, model`;
}

export interface TreeRunFacetRow {
  id: number;
  kind: string;
  title: string;
  treeCount: number;
}

export async function listTreeRunFacets(): Promise<TreeRunFacetRow[]> {
  return prisma().$queryRaw<TreeRunFacetRow[]>`
    select r.id, r.kind::text as kind, r.title, n.count::int as "treeCount"
    from (select "runId", count(*) as count from "Tree" where "runId" is not null group by "runId") n
    join "Run" r on r.id = n."runId"
    order by r.id desc`;
}

export interface ReviewerFacetRow {
  id: number;
  name: string;
  /** trees this user currently has a review on */
  treeCount: number;
}

export async function listReviewerFacets(): Promise<ReviewerFacetRow[]> {
  return prisma().$queryRaw<ReviewerFacetRow[]>`
    select u.id, u.name, n.count::int as "treeCount"
    from (select "reviewerId", count(distinct "treeId") as count from "Review"
          where "supersededAt" is null and "undoneAt" is null group by "reviewerId") n
    join "User" u on u.id = n."reviewerId"
    order by lower(u.name), u.id`;
}

/**
 * The list's filters as one condition on "Tree" t, for reading every matching tree rather than a page
 * (a text search not resolved to ids is checked row by row).
 */
export function treeListCondition(q: TreeListQuery): Prisma.Sql {
  const c = conditions(q);
  if (q.text !== undefined && !isResolved(q.text)) c.push(textCheck(q.text, Prisma.sql`t`));
  return c.length ? Prisma.join(c, " and ") : Prisma.sql`true`;
}
