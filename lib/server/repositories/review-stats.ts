// The review dashboard's numbers.
import { prisma } from "../db/client";

export async function reviewsPerDay(days: number): Promise<{ day: string; reviews: number; treesFirstReviewed: number }[]> {
  return prisma().$queryRaw`
    with d as (select generate_series(current_date - (${days}::int - 1), current_date, interval '1 day')::date as day),
         r as (select "createdAt"::date as day, count(*)::int as n from "Review" where "undoneAt" is null and "createdAt" >= current_date - (${days}::int - 1) group by 1),
         f as (select first::date as day, count(*)::int as n from (select min("createdAt") as first from "Review" where "undoneAt" is null group by "treeId") x
               where first >= current_date - (${days}::int - 1) group by 1)
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(r.n, 0) as reviews, coalesce(f.n, 0) as "treesFirstReviewed"
    from d left join r on r.day = d.day left join f on f.day = d.day order by d.day`;
}

export async function statusByGroup(): Promise<{ group: string; status: string; trees: number }[]> {
  return prisma().$queryRaw`select "group", "reviewStatus"::text as status, count(*)::int as trees from "Tree" group by 1, 2 order by 1, 2`;
}

export async function statusByCategory(limit: number): Promise<{ category: string; status: string; trees: number }[]> {
  return prisma().$queryRaw`
    with tc as (select t."reviewStatus"::text as status, unnest(i."categoryIds") as cid from "Tree" t join "Instruction" i on i.id = t."instructionId"),
         top as (select cid from tc group by cid order by count(*) desc limit ${limit})
    select c.name as category, tc.status, count(*)::int as trees
    from tc join top using (cid) join "Category" c on c.id = tc.cid
    group by 1, 2 order by 1, 2`;
}

export async function observationCodeCounts(): Promise<{ code: number; nodes: number }[]> {
  return prisma().$queryRaw`select "observationCode" as code, count(*)::int as nodes from "Node" where "observationCode" is not null group by 1 order by 1`;
}

export async function reviewerThroughput(days: number): Promise<{ reviewer: string; reviewerId: number; reviews: number; approvals: number; lastAt: Date }[]> {
  return prisma().$queryRaw`
    select u.name as reviewer, u.id as "reviewerId", count(*)::int as reviews,
           count(*) filter (where r.verdict = 'approve')::int as approvals, max(r."createdAt") as "lastAt"
    from "Review" r join "User" u on u.id = r."reviewerId"
    where r."undoneAt" is null and r."createdAt" >= current_date - (${days}::int - 1)
    group by u.id, u.name order by reviews desc`;
}
