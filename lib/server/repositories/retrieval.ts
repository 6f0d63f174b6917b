// What API retrieval reads: every catalog API with the text it is retrieved by, and instructions
// with their relevant APIs (the positives retrieval is measured against).
import type { RetrievalApi } from "@/lib/core/retrieval";
import { pool } from "../db/pool";

export interface RetrievalApiRow extends RetrievalApi {
  apiId: number;
  functionName: string;
}

export async function readCatalogVersion(): Promise<string> {
  const r = await pool().query<{ n: number; at: Date | null }>(`select count(*)::int as n, max("updatedAt") as at from "Api"`);
  return `${r.rows[0]!.n}:${r.rows[0]!.at?.toISOString() ?? ""}`;
}

export async function readRetrievalCatalog(): Promise<RetrievalApiRow[]> {
  const r = await pool().query<RetrievalApiRow>(
    `select a.id as "apiId", a."functionName", c.name as category, t.name as tool, t.description as "toolDescription", a.name, a.description,
            a."requiredParameters", a."optionalParameters", a."responseSchema"
     from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
     order by a.id`,
  );
  return r.rows;
}

export interface RetrievalQueryRow {
  id: number;
  group: string;
  query: string;
  relevantApiIds: number[];
  sampledApiIds: number[];
}

const QUERY_COLUMNS = `i.id, i."group", i.query,
  coalesce(array_agg(ia."apiId" order by ia.position) filter (where ia.relevant), '{}') as "relevantApiIds",
  coalesce(array_agg(ia."apiId" order by ia.position) filter (where ia."apiId" is not null), '{}') as "sampledApiIds"`;

export async function readRetrievalQuery(instructionId: number): Promise<RetrievalQueryRow | null> {
  const r = await pool().query<RetrievalQueryRow>(
    `select ${QUERY_COLUMNS} from "Instruction" i left join "InstructionApi" ia on ia."instructionId" = i.id where i.id = $1 group by i.id`,
    [instructionId],
  );
  return r.rows[0] ?? null;
}

/** Instructions with at least one relevant API in the catalog, optionally of some groups, in id order. */
export async function readRetrievalQueries(opts: { groups?: string[]; limit?: number }): Promise<RetrievalQueryRow[]> {
  const r = await pool().query<RetrievalQueryRow>(
    `select ${QUERY_COLUMNS} from "Instruction" i join "InstructionApi" ia on ia."instructionId" = i.id
     where ($1::text[] is null or i."group" = any($1::text[]))
     group by i.id having bool_or(ia.relevant) order by i.id limit $2`,
    [opts.groups?.length ? opts.groups : null, opts.limit ?? 1_000_000],
  );
  return r.rows;
}
