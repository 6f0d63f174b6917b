// The instruction list: filters on the denormalized, indexed columns (categoryIds/toolIds GIN,
// search GIN, generationRunId; source files through InstructionSource's key, trees through Tree's
// instructionId index), one page of rows and the total.
import { escapeLikePattern } from "@/lib/core/schemas/search-params";
import { Prisma, prisma } from "../db/client";

export interface InstructionQuery {
  text?: string;
  group?: string;
  categoryStandardizedName?: string;
  toolId?: number;
  sourceFile?: string;
  generationRunId?: number;
  hasTree?: boolean;
  offset: number;
  limit: number;
}

export interface InstructionListRow {
  id: number;
  group: string;
  externalId: string | null;
  query: string;
  origin: string;
  sourceFile: string | null;
  treeCount: number;
  sampledApiCount: number;
  categories: string[];
}

/** The WHERE clause of an instruction query (also used to pick the instructions a solve run takes). */
export function whereClause(q: InstructionQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (q.group !== undefined) conditions.push(Prisma.sql`i."group" = ${q.group}`);
  if (q.categoryStandardizedName !== undefined) {
    // An unknown name gives an empty array, so the filter matches nothing rather than everything.
    conditions.push(
      Prisma.sql`i."categoryIds" && array(select c.id from "Category" c where c."standardizedName" = ${q.categoryStandardizedName})`,
    );
  }
  if (q.toolId !== undefined) conditions.push(Prisma.sql`i."toolIds" @> array[${q.toolId}]::int[]`);
  if (q.sourceFile !== undefined) {
    conditions.push(Prisma.sql`exists (select from "InstructionSource" s where s."instructionId" = i.id and s."sourceFile" = ${q.sourceFile})`);
  }
  if (q.generationRunId !== undefined) conditions.push(Prisma.sql`i."generationRunId" = ${q.generationRunId}`);
  if (q.hasTree !== undefined) {
    const has = Prisma.sql`exists (select from "Tree" t where t."instructionId" = i.id)`;
    conditions.push(q.hasTree ? has : Prisma.sql`not ${has}`);
  }
  if (q.text !== undefined) conditions.push(Prisma.sql`i.search @@ websearch_to_tsquery('english', ${q.text})`);
  return conditions.length ? Prisma.sql`where ${Prisma.join(conditions, " and ")}` : Prisma.empty;
}

export async function listInstructions(q: InstructionQuery): Promise<{ rows: InstructionListRow[]; total: number }> {
  const where = whereClause(q);
  const rank = q.text !== undefined ? Prisma.sql`ts_rank(i.search, websearch_to_tsquery('english', ${q.text}))` : Prisma.sql`0`;
  // The page's ids are picked first, so the per-row columns (category names) are computed for 50
  // rows rather than for every row an OFFSET skips.
  const [rows, counted] = await Promise.all([
    prisma().$queryRaw<InstructionListRow[]>`
      with page as (
        select i.id, ${rank} as rank from "Instruction" i
        ${where}
        order by rank desc, i.id
        limit ${q.limit} offset ${q.offset}
      )
      select i.id, i."group", i."externalId", i.query, i.origin::text as origin, i."sourceFile",
             (select count(*) from "Tree" t where t."instructionId" = i.id)::int as "treeCount",
             jsonb_array_length(case when jsonb_typeof(i."sampledApis") = 'array' then i."sampledApis" else '[]'::jsonb end)::int as "sampledApiCount",
             coalesce((select array_agg(c.name order by c.name) from "Category" c where c.id = any(i."categoryIds")), '{}') as categories
      from page join "Instruction" i on i.id = page.id
      order by page.rank desc, i.id`,
    prisma().$queryRaw<{ total: number }[]>`select count(*)::int as total from "Instruction" i ${where}`,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

export interface CountRow {
  value: string;
  count: number;
}

export async function countInstructionsByGroup(): Promise<CountRow[]> {
  return prisma().$queryRaw<CountRow[]>`
    select "group" as value, count(*)::int as count from "Instruction" group by "group" order by "group"`;
}

export interface CategoryFacetRow {
  standardizedName: string;
  name: string;
  instructionCount: number;
}

export async function listCategoryFacets(): Promise<CategoryFacetRow[]> {
  return prisma().$queryRaw<CategoryFacetRow[]>`
    select c."standardizedName", c.name, coalesce(ic.n, 0)::int as "instructionCount"
    from "Category" c
    left join (select cid, count(*) as n from "Instruction" i, unnest(i."categoryIds") as cid group by cid) ic on ic.cid = c.id
    order by lower(c.name), c.id`;
}

export interface RunFacetRow {
  id: number;
  title: string;
  instructionCount: number;
}

export async function listGenerationRunFacets(): Promise<RunFacetRow[]> {
  return prisma().$queryRaw<RunFacetRow[]>`
    select r.id, r.title, count(*)::int as "instructionCount"
    from "Instruction" i join "Run" r on r.id = i."generationRunId"
    group by r.id, r.title order by r.id desc`;
}

export interface SourceFileRow {
  sourceFile: string;
  count: number;
}

export async function suggestSourceFiles(text: string | undefined, limit: number): Promise<SourceFileRow[]> {
  const filter = text ? Prisma.sql`where s."sourceFile" ilike ${`%${escapeLikePattern(text)}%`}` : Prisma.empty;
  return prisma().$queryRaw<SourceFileRow[]>`
    select s."sourceFile", count(*)::int as count
    from "InstructionSource" s ${filter}
    group by s."sourceFile" order by count(*) desc, s."sourceFile" limit ${limit}`;
}
