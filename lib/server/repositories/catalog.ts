// Reading the API catalog: categories → tools → APIs, with the counts the catalog pages show.
import { prisma } from "../db/client";

export interface CategoryRow {
  id: number;
  name: string;
  standardizedName: string;
  description: string | null;
  toolCount: number;
  apiCount: number;
  instructionCount: number;
}

export interface ToolRow {
  id: number;
  name: string;
  standardizedName: string;
  title: string | null;
  description: string;
  host: string | null;
  apiCount: number;
  instructionCount: number;
}

export interface ToolDetailRow extends Omit<ToolRow, "apiCount"> {
  homeUrl: string | null;
  pricing: string | null;
  sourceFile: string | null;
  category: { id: number; name: string; standardizedName: string };
}

export interface ApiListRow {
  id: number;
  name: string;
  functionName: string;
  method: string;
  description: string;
  url: string | null;
  requiredCount: number;
  optionalCount: number;
}

export interface ApiDetailRow extends Omit<ApiListRow, "requiredCount" | "optionalCount"> {
  requiredParameters: unknown;
  optionalParameters: unknown;
  responseSchema: unknown;
  responseExample: unknown;
  statusCode: number | null;
  health: string;
  source: string;
  instructionCount: number;
  tool: { id: number; name: string; standardizedName: string; host: string | null };
  category: { name: string; standardizedName: string };
}

export async function listCategoriesWithCounts(): Promise<CategoryRow[]> {
  return prisma().$queryRaw<CategoryRow[]>`
    select c.id, c.name, c."standardizedName", c.description,
           coalesce(tc.tools, 0)::int as "toolCount",
           coalesce(tc.apis, 0)::int as "apiCount",
           coalesce(ic.n, 0)::int as "instructionCount"
    from "Category" c
    left join (
      select t."categoryId", count(*) as tools, sum(coalesce(ac.n, 0)) as apis
      from "Tool" t
      left join (select "toolId", count(*) as n from "Api" group by "toolId") ac on ac."toolId" = t.id
      group by t."categoryId"
    ) tc on tc."categoryId" = c.id
    left join (
      select cid, count(*) as n from "Instruction" i, unnest(i."categoryIds") as cid group by cid
    ) ic on ic.cid = c.id
    order by lower(c.name), c.id`;
}

export async function findCategoryByStandardizedName(standardizedName: string): Promise<Omit<CategoryRow, "instructionCount"> | null> {
  const rows = await prisma().$queryRaw<Omit<CategoryRow, "instructionCount">[]>`
    select c.id, c.name, c."standardizedName", c.description,
           (select count(*) from "Tool" t where t."categoryId" = c.id)::int as "toolCount",
           (select count(*) from "Api" a join "Tool" t on t.id = a."toolId" where t."categoryId" = c.id)::int as "apiCount"
    from "Category" c where c."standardizedName" = ${standardizedName}`;
  return rows[0] ?? null;
}

export async function listToolsInCategory(categoryId: number): Promise<ToolRow[]> {
  // Instruction counts come from one pass over the category's instructions (GIN on categoryIds),
  // not one count per tool.
  return prisma().$queryRaw<ToolRow[]>`
    select t.id, t.name, t."standardizedName", t.title, t.description, t.host,
           coalesce(ac.n, 0)::int as "apiCount",
           coalesce(ic.n, 0)::int as "instructionCount"
    from "Tool" t
    left join (select "toolId", count(*) as n from "Api" group by "toolId") ac on ac."toolId" = t.id
    left join (
      select tid, count(*) as n
      from "Instruction" i, unnest(i."toolIds") as tid
      where i."categoryIds" @> array[${categoryId}]::int[]
      group by tid
    ) ic on ic.tid = t.id
    where t."categoryId" = ${categoryId}
    order by lower(t.name), t.id`;
}

export async function findToolByNames(categoryStandardizedName: string, toolStandardizedName: string): Promise<ToolDetailRow | null> {
  const rows = await prisma().$queryRaw<(Omit<ToolDetailRow, "category"> & { categoryId: number; categoryName: string; categoryStandardizedName: string })[]>`
    select t.id, t.name, t."standardizedName", t.title, t.description, t.host, t."homeUrl", t.pricing, t."sourceFile",
           (select count(*) from "Instruction" i where i."toolIds" @> array[t.id])::int as "instructionCount",
           c.id as "categoryId", c.name as "categoryName", c."standardizedName" as "categoryStandardizedName"
    from "Tool" t join "Category" c on c.id = t."categoryId"
    where c."standardizedName" = ${categoryStandardizedName} and t."standardizedName" = ${toolStandardizedName}`;
  const row = rows[0];
  if (!row) return null;
  const { categoryId, categoryName, categoryStandardizedName: categoryStd, ...tool } = row;
  return { ...tool, category: { id: categoryId, name: categoryName, standardizedName: categoryStd } };
}

export async function listApisOfTool(toolId: number): Promise<ApiListRow[]> {
  return prisma().$queryRaw<ApiListRow[]>`
    select a.id, a.name, a."functionName", a.method, a.description, a.url,
           jsonb_array_length(case when jsonb_typeof(a."requiredParameters") = 'array' then a."requiredParameters" else '[]'::jsonb end)::int as "requiredCount",
           jsonb_array_length(case when jsonb_typeof(a."optionalParameters") = 'array' then a."optionalParameters" else '[]'::jsonb end)::int as "optionalCount"
    from "Api" a where a."toolId" = ${toolId}
    order by lower(a.name), a.id`;
}

type ApiDetailFlatRow = Omit<ApiDetailRow, "tool" | "category"> & {
  toolId: number;
  toolName: string;
  toolStandardizedName: string;
  toolHost: string | null;
  categoryName: string;
  categoryStandardizedName: string;
};

export async function findApiById(id: number): Promise<ApiDetailRow | null> {
  const rows = await prisma().$queryRaw<ApiDetailFlatRow[]>`
    select a.id, a.name, a."functionName", a.method, a.description, a.url,
           a."requiredParameters", a."optionalParameters", a."responseSchema", a."responseExample",
           a."statusCode", a.health::text as health, a.source::text as source,
           (select count(*) from "InstructionApi" ia where ia."apiId" = a.id)::int as "instructionCount",
           t.id as "toolId", t.name as "toolName", t."standardizedName" as "toolStandardizedName", t.host as "toolHost",
           c.name as "categoryName", c."standardizedName" as "categoryStandardizedName"
    from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
    where a.id = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const { toolId, toolName, toolStandardizedName, toolHost, categoryName, categoryStandardizedName, ...api } = row;
  return {
    ...api,
    tool: { id: toolId, name: toolName, standardizedName: toolStandardizedName, host: toolHost },
    category: { name: categoryName, standardizedName: categoryStandardizedName },
  };
}
