// Stored embeddings of the catalog's API documents, by embedding model.
import { pool } from "../db/pool";

/** The document hash each API was embedded from, for one model (what needs embedding again). */
export async function readEmbeddedHashes(model: string): Promise<Map<number, string>> {
  const r = await pool().query<{ apiId: number; textHash: string }>(`select "apiId", "textHash" from "ApiEmbedding" where model = $1`, [model]);
  return new Map(r.rows.map((x) => [x.apiId, x.textHash]));
}

/** Writes (or replaces) embeddings in one statement. */
export async function upsertEmbeddings(model: string, rows: { apiId: number; textHash: string; vector: Uint8Array; dims: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await pool().query(
    `insert into "ApiEmbedding" ("apiId", model, "textHash", dims, vector)
     select x.a, $1, x.h, x.d, x.v from unnest($2::int[], $3::text[], $4::int[], $5::bytea[]) as x(a, h, d, v)
     join "Api" api on api.id = x.a
     on conflict ("apiId", model) do update set "textHash" = excluded."textHash", dims = excluded.dims, vector = excluded.vector, "createdAt" = now()`,
    [model, rows.map((r) => r.apiId), rows.map((r) => r.textHash), rows.map((r) => r.dims), rows.map((r) => Buffer.from(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength))],
  );
}

/** Changes whenever a model's embeddings do (count and latest write). */
export async function readEmbeddingVersion(model: string): Promise<string> {
  const r = await pool().query<{ n: number; at: Date | null }>(`select count(*)::int as n, max("createdAt") as at from "ApiEmbedding" where model = $1`, [model]);
  return `${r.rows[0]!.n}:${r.rows[0]!.at?.toISOString() ?? ""}`;
}

export async function readEmbeddings(model: string): Promise<{ apiId: number; vector: Buffer }[]> {
  const r = await pool().query<{ apiId: number; vector: Buffer }>(`select "apiId", vector from "ApiEmbedding" where model = $1 order by "apiId"`, [model]);
  return r.rows;
}

/** Embedded APIs by model, with the catalog's size. */
export async function readEmbeddingCounts(): Promise<{ catalogApis: number; models: { model: string; apis: number; dims: number; updatedAt: Date }[] }> {
  const [apis, models] = await Promise.all([
    pool().query<{ n: number }>(`select count(*)::int as n from "Api"`),
    pool().query<{ model: string; apis: number; dims: number; updatedAt: Date }>(
      `select model, count(*)::int as apis, max(dims)::int as dims, max("createdAt") as "updatedAt" from "ApiEmbedding" group by model order by model`,
    ),
  ]);
  return { catalogApis: apis.rows[0]!.n, models: models.rows };
}
