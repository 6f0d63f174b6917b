// The Overview page's numbers. Node totals come from Tree.size (kept by the importer) rather than
// count(*) over millions of Node rows.
import { prisma } from "../db/client";

export interface Totals {
  categories: number;
  tools: number;
  apis: number;
  instructions: number;
  instructionsWithTrees: number;
  trees: number;
  validTrees: number;
  nodes: number;
}

export async function countTotals(): Promise<Totals> {
  const rows = await prisma().$queryRaw<Totals[]>`
    select (select count(*) from "Category")::int as categories,
           (select count(*) from "Tool")::int as tools,
           (select count(*) from "Api")::int as apis,
           (select count(*) from "Instruction")::int as instructions,
           (select count(*) from "Instruction" i where exists (select from "Tree" t where t."instructionId" = i.id))::int as "instructionsWithTrees",
           (select count(*) from "Tree")::int as trees,
           (select count(*) from "Tree" where "validData")::int as "validTrees",
           (select coalesce(sum(size), 0) from "Tree")::float8 as nodes`;
  return rows[0]!;
}

export interface GroupCountRow {
  group: string;
  instructions: number;
  trees: number;
}

export async function countByGroup(): Promise<GroupCountRow[]> {
  return prisma().$queryRaw<GroupCountRow[]>`
    select coalesce(i."group", t."group") as "group", coalesce(i.n, 0)::int as instructions, coalesce(t.n, 0)::int as trees
    from (select "group", count(*) as n from "Instruction" group by "group") i
    full join (select "group", count(*) as n from "Tree" group by "group") t on t."group" = i."group"
    order by 1`;
}


export async function countTreesByMethod(): Promise<{ method: string; methodLabel: string; count: number }[]> {
  return prisma().$queryRaw<{ method: string; methodLabel: string; count: number }[]>`
    select method::text as method, "methodLabel", count(*)::int as count
    from "Tree" group by method, "methodLabel" order by count(*) desc, "methodLabel"`;
}

export async function countTreesByFinishType(): Promise<{ finishType: string | null; validData: boolean; count: number }[]> {
  return prisma().$queryRaw<{ finishType: string | null; validData: boolean; count: number }[]>`
    select "finishType", "validData", count(*)::int as count
    from "Tree" group by "finishType", "validData" order by "finishType" nulls last, "validData" desc`;
}
