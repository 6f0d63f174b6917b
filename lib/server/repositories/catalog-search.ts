// Catalog search (tools and APIs by name and description) and the tool picker's suggestions.
// Matching is an ILIKE phrase match or an English full-text match; exact-ish name hits rank first.
import { escapeLikePattern } from "@/lib/core/schemas/search-params";
import { Prisma, prisma } from "../db/client";

export interface ToolHit {
  id: number;
  name: string;
  standardizedName: string;
  description: string;
  categoryName: string;
  categoryStandardizedName: string;
  apiCount: number;
}

export interface ApiHit {
  id: number;
  name: string;
  functionName: string;
  method: string;
  description: string;
  toolId: number;
  toolName: string;
  toolStandardizedName: string;
  categoryName: string;
  categoryStandardizedName: string;
}

export interface Hits<T> {
  rows: T[];
  total: number;
}

const contains = (text: string) => `%${escapeLikePattern(text)}%`;
const startsWith = (text: string) => `${escapeLikePattern(text)}%`;

function splitTotal<T extends { total: number }>(rows: T[]): Hits<Omit<T, "total">> {
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}

export async function searchTools(text: string, limit: number): Promise<Hits<ToolHit>> {
  // 3.4k tools at ToolBench scale: computing the tool's tsvector on the fly is cheaper than an index.
  const rows = await prisma().$queryRaw<(ToolHit & { total: number })[]>`
    with q as (select websearch_to_tsquery('english', ${text}) as tsq)
    select t.id, t.name, t."standardizedName", t.description,
           c.name as "categoryName", c."standardizedName" as "categoryStandardizedName",
           (select count(*) from "Api" a where a."toolId" = t.id)::int as "apiCount",
           count(*) over ()::int as total
    from "Tool" t join "Category" c on c.id = t."categoryId", q
    where t.name ilike ${contains(text)} or t."standardizedName" ilike ${contains(text)}
       or coalesce(t.title, '') ilike ${contains(text)} or t.description ilike ${contains(text)}
       or to_tsvector('english', t.name || ' ' || coalesce(t.title, '') || ' ' || t.description) @@ q.tsq
    order by (t.name ilike ${startsWith(text)}) desc, (t.name ilike ${contains(text)}) desc,
             ts_rank(to_tsvector('english', t.name || ' ' || t.description), q.tsq) desc, lower(t.name), t.id
    limit ${limit}`;
  return splitTotal(rows);
}

export async function searchApis(text: string, limit: number): Promise<Hits<ApiHit>> {
  const rows = await prisma().$queryRaw<(ApiHit & { total: number })[]>`
    with q as (select websearch_to_tsquery('english', ${text}) as tsq)
    select a.id, a.name, a."functionName", a.method, a.description,
           t.id as "toolId", t.name as "toolName", t."standardizedName" as "toolStandardizedName",
           c.name as "categoryName", c."standardizedName" as "categoryStandardizedName",
           count(*) over ()::int as total
    from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId", q
    where a.search @@ q.tsq or a.name ilike ${contains(text)} or a."functionName" ilike ${contains(text)}
       or a.description ilike ${contains(text)}
    order by (a.name ilike ${startsWith(text)} or a."functionName" ilike ${startsWith(text)}) desc,
             (a.name ilike ${contains(text)}) desc,
             -- the function name ends with the tool's name, so this ranks a named tool's APIs next
             (a."functionName" ilike ${contains(text)}) desc,
             ts_rank(a.search, q.tsq) desc, lower(a.name), a.id
    limit ${limit}`;
  return splitTotal(rows);
}

export interface ToolSuggestion {
  id: number;
  name: string;
  standardizedName: string;
  categoryName: string;
  categoryStandardizedName: string;
  apiCount: number;
}

export async function suggestTools(filter: { text?: string; categoryStandardizedName?: string; limit: number }): Promise<ToolSuggestion[]> {
  const conditions: Prisma.Sql[] = [];
  if (filter.text) {
    conditions.push(Prisma.sql`(t.name ilike ${contains(filter.text)} or t."standardizedName" ilike ${contains(filter.text)})`);
  }
  if (filter.categoryStandardizedName) conditions.push(Prisma.sql`c."standardizedName" = ${filter.categoryStandardizedName}`);
  const where = conditions.length ? Prisma.sql`where ${Prisma.join(conditions, " and ")}` : Prisma.empty;
  const prefix = filter.text ? Prisma.sql`(t.name ilike ${startsWith(filter.text)}) desc,` : Prisma.empty;
  return prisma().$queryRaw<ToolSuggestion[]>`
    select t.id, t.name, t."standardizedName",
           c.name as "categoryName", c."standardizedName" as "categoryStandardizedName",
           (select count(*) from "Api" a where a."toolId" = t.id)::int as "apiCount"
    from "Tool" t join "Category" c on c.id = t."categoryId"
    ${where}
    order by ${prefix} lower(t.name), t.id
    limit ${filter.limit}`;
}

export async function findToolSuggestionById(id: number): Promise<ToolSuggestion | null> {
  const rows = await prisma().$queryRaw<ToolSuggestion[]>`
    select t.id, t.name, t."standardizedName",
           c.name as "categoryName", c."standardizedName" as "categoryStandardizedName",
           (select count(*) from "Api" a where a."toolId" = t.id)::int as "apiCount"
    from "Tool" t join "Category" c on c.id = t."categoryId"
    where t.id = ${id}`;
  return rows[0] ?? null;
}
