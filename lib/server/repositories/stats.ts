// Exact counts of what the database holds (for `arbor stats`; the Overview page uses faster totals).
import { prisma } from "../db/client";

export async function countNodes(): Promise<number> {
  const rows = await prisma().$queryRaw<{ n: number }[]>`select count(*)::float8 as n from "Node"`;
  return rows[0]!.n;
}

export async function countInstructionSets(): Promise<{ name: string; group: string; size: number }[]> {
  return prisma().$queryRaw<{ name: string; group: string; size: number }[]>`
    select name, "group", cardinality("queryIds")::int as size from "InstructionSet" order by name`;
}
