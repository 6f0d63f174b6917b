// Instruction, tree and node writes for the importer, on a node-postgres client inside a transaction
// the caller owns. Trees and nodes go in with COPY; the rest is set-based SQL (one statement per table).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { NODE_COLUMNS, TREE_COLUMNS } from "@/lib/core/import/tree-rows";
import { standardize, standardizeCategory } from "@/lib/core/toolbench/names";
import type { SampledApi } from "@/lib/core/toolbench/types";

export type Db = pg.PoolClient;

export interface InstructionInput {
  group: string;
  externalId?: string;
  query: string;
  queryHash: string;
  sampledApis: SampledApi[];
  relevantApis: [string, string][];
  functionNames: string[];
  sourceFile: string;
  /** for new instructions whose APIs are already resolved: the filter columns, set at insert */
  toolIds?: number[];
  categoryIds?: number[];
}

const instrKey = (group: string, hash: string) => `${group}\u0000${hash}`;

function mergeDuplicates(items: InstructionInput[]): InstructionInput[] {
  const merged = new Map<string, InstructionInput>();
  for (const it of items) {
    const k = instrKey(it.group, it.queryHash);
    const prev = merged.get(k);
    if (!prev) merged.set(k, { ...it, functionNames: [...it.functionNames] });
    else {
      prev.externalId ??= it.externalId;
      if (prev.sampledApis.length === 0) prev.sampledApis = it.sampledApis;
      if (prev.relevantApis.length === 0) prev.relevantApis = it.relevantApis;
      prev.functionNames = [...new Set([...prev.functionNames, ...it.functionNames])];
    }
  }
  return [...merged.values()];
}

/**
 * Inserts new instructions and completes existing ones (an instruction first seen in an answer file
 * gains its API list when its instruction file is imported). Returns ids aligned with `items`.
 */
export async function upsertInstructions(db: Db, items: InstructionInput[]): Promise<{ ids: number[]; inserted: number; insertedIds: number[] }> {
  if (items.length === 0) return { ids: [], inserted: 0, insertedIds: [] };
  const merged = mergeDuplicates(items);
  // Most instructions of an answer import exist already and need nothing: find them first, so only
  // new or incomplete ones are written (and locked).
  const existing = await db.query<{ id: number; group: string; queryHash: string; noExternalId: boolean; noApis: boolean; noRelevant: boolean; functionNames: string[] }>(
    `select id, "group", "queryHash", "externalId" is null as "noExternalId", "sampledApis" = '[]'::jsonb as "noApis",
            "relevantApis" = '[]'::jsonb as "noRelevant", "functionNames"
     from "Instruction" where ("group", "queryHash") in (select * from unnest($1::text[], $2::text[]))`,
    [merged.map((r) => r.group), merged.map((r) => r.queryHash)],
  );
  const byKey = new Map<string, number>();
  const found = new Map(existing.rows.map((r) => [instrKey(r.group, r.queryHash), r]));
  const toWrite = merged.filter((r) => {
    const e = found.get(instrKey(r.group, r.queryHash));
    if (!e) return true;
    byKey.set(instrKey(r.group, r.queryHash), e.id);
    const known = new Set(e.functionNames);
    return (
      (e.noExternalId && r.externalId !== undefined) ||
      (e.noApis && r.sampledApis.length > 0) ||
      (e.noRelevant && r.relevantApis.length > 0) ||
      (e.noApis && r.sampledApis.length === 0 && r.functionNames.some((f) => !known.has(f)))
    );
  });
  if (toWrite.length === 0) return { ids: items.map((it) => byKey.get(instrKey(it.group, it.queryHash))!), inserted: 0, insertedIds: [] };
  // Sorted by key so concurrent batches lock instruction rows in one order (no deadlocks).
  const rows = toWrite.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.queryHash < b.queryHash ? -1 : a.queryHash > b.queryHash ? 1 : 0));
  // New instructions are in the file they came from (InstructionSource), in the same statement.
  const res = await db.query<{ id: number; group: string; queryHash: string; inserted: boolean }>(
    `with written as (
     insert into "Instruction" ("group", "externalId", query, "queryHash", "sampledApis", "relevantApis", "functionNames", "sourceFile", "toolIds", "categoryIds")
     select g, e, qt, h, sa::jsonb, ra::jsonb, array(select jsonb_array_elements_text(fn::jsonb) order by 1), sf, ti::int[], ci::int[]
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       as x(g, e, qt, h, sa, ra, fn, sf, ti, ci)
     on conflict ("group", "queryHash") do update set
       "externalId" = coalesce("Instruction"."externalId", excluded."externalId"),
       "sampledApis" = case when "Instruction"."sampledApis" = '[]'::jsonb then excluded."sampledApis" else "Instruction"."sampledApis" end,
       "relevantApis" = case when "Instruction"."relevantApis" = '[]'::jsonb then excluded."relevantApis" else "Instruction"."relevantApis" end,
       -- function names only matter (for linking to the catalog) while no sampled API list is known
       "functionNames" = case when "Instruction"."sampledApis" = '[]'::jsonb and excluded."sampledApis" = '[]'::jsonb
                              then array(select distinct n from unnest("Instruction"."functionNames" || excluded."functionNames") n order by 1)
                              else "Instruction"."functionNames" end,
       "sourceFile" = coalesce("Instruction"."sourceFile", excluded."sourceFile")
     where ("Instruction"."externalId" is null and excluded."externalId" is not null)
        or ("Instruction"."sampledApis" = '[]'::jsonb and excluded."sampledApis" <> '[]'::jsonb)
        or ("Instruction"."relevantApis" = '[]'::jsonb and excluded."relevantApis" <> '[]'::jsonb)
        or ("Instruction"."sampledApis" = '[]'::jsonb and excluded."sampledApis" = '[]'::jsonb and not (excluded."functionNames" <@ "Instruction"."functionNames"))
     returning id, "group", "queryHash", (xmax = 0) as inserted, "sourceFile"),
     sourced as (
       insert into "InstructionSource" ("instructionId", "sourceFile")
       select id, "sourceFile" from written where inserted and "sourceFile" is not null
       on conflict do nothing)
     select id, "group", "queryHash", inserted from written`,
    [
      rows.map((r) => r.group),
      rows.map((r) => r.externalId ?? null),
      rows.map((r) => r.query.replace(/\u0000/g, "\uFFFD")),
      rows.map((r) => r.queryHash),
      rows.map((r) => JSON.stringify(r.sampledApis)),
      rows.map((r) => JSON.stringify(r.relevantApis)),
      rows.map((r) => JSON.stringify(r.functionNames)),
      rows.map((r) => r.sourceFile),
      rows.map((r) => `{${(r.toolIds ?? []).join(",")}}`),
      rows.map((r) => `{${(r.categoryIds ?? []).join(",")}}`),
    ],
  );
  for (const r of res.rows) byKey.set(instrKey(r.group, r.queryHash), r.id);
  // Rows another session completed meanwhile (so nothing changed here) are not returned: look those up.
  const rest = rows.filter((r) => !byKey.has(instrKey(r.group, r.queryHash)));
  if (rest.length > 0) {
    const ids = await db.query<{ id: number; group: string; queryHash: string }>(
      `select id, "group", "queryHash" from "Instruction" where ("group", "queryHash") in (select * from unnest($1::text[], $2::text[]))`,
      [rest.map((r) => r.group), rest.map((r) => r.queryHash)],
    );
    for (const r of ids.rows) byKey.set(instrKey(r.group, r.queryHash), r.id);
  }
  return {
    ids: items.map((it) => byKey.get(instrKey(it.group, it.queryHash))!),
    inserted: res.rows.filter((r) => r.inserted).length,
    insertedIds: res.rows.filter((r) => r.inserted).map((r) => r.id),
  };
}

/** Records that instructions are in a file (an instruction file lists them); known pairs are skipped. */
export async function addInstructionSources(db: Db, instructionIds: number[], sourceFile: string): Promise<void> {
  if (instructionIds.length === 0) return;
  await db.query(
    `insert into "InstructionSource" ("instructionId", "sourceFile")
     select distinct x, $2 from unnest($1::int[]) as x order by 1
     on conflict do nothing`,
    [instructionIds, sourceFile],
  );
}

/** For answers whose path names no group: the group of an instruction with the same query, if any. */
export async function groupsOfQueries(db: Db, queryHashes: string[]): Promise<Map<string, string>> {
  if (queryHashes.length === 0) return new Map();
  const r = await db.query<{ queryHash: string; group: string }>(
    `select distinct on ("queryHash") "queryHash", "group" from "Instruction" where "queryHash" = any($1::text[]) order by "queryHash", id`,
    [queryHashes],
  );
  return new Map(r.rows.map((x) => [x.queryHash, x.group]));
}

export interface ResolvedApi {
  apiId: number;
  toolId: number;
  categoryId: number;
}

const apiKey = (a: SampledApi) => `${standardizeCategory(a.category)}\u0000${standardize(a.tool)}\u0000${a.api}`;

/** The catalog ids of sampled APIs ({category, tool, api} as instruction files write them). */
export async function resolveSampledApis(db: Db, apis: SampledApi[]): Promise<Map<string, ResolvedApi>> {
  const distinct = new Map<string, SampledApi>();
  for (const a of apis) distinct.set(apiKey(a), a);
  const list = [...distinct.values()];
  const out = new Map<string, ResolvedApi>();
  if (list.length === 0) return out;
  const r = await db.query<ResolvedApi & { k: number }>(
    `select x.k::int as k, a.id as "apiId", t.id as "toolId", c.id as "categoryId"
     from unnest($1::text[], $2::text[], $3::text[]) with ordinality as x(c, t, n, k)
     join "Category" c on c."standardizedName" = x.c
     join "Tool" t on t."categoryId" = c.id and t."standardizedName" = x.t
     join "Api" a on a."toolId" = t.id and a.name = x.n`,
    [list.map((a) => standardizeCategory(a.category)), list.map((a) => standardize(a.tool)), list.map((a) => a.api)],
  );
  for (const row of r.rows) out.set(apiKey(list[row.k - 1]!), { apiId: row.apiId, toolId: row.toolId, categoryId: row.categoryId });
  return out;
}

export { apiKey as sampledApiKey };

/** Links instructions to catalog APIs: rows of (instruction, api, position in its list, relevant). */
/** Returns the instructions that gained links. */
export async function insertInstructionApis(db: Db, links: { instructionId: number; apiId: number; position: number; relevant: boolean }[]): Promise<number[]> {
  if (links.length === 0) return [];
  const r = await db.query<{ instructionId: number }>(
    `insert into "InstructionApi" ("instructionId", "apiId", position, relevant)
     select * from unnest($1::int[], $2::int[], $3::int[], $4::bool[])
     on conflict do nothing
     returning "instructionId"`,
    [links.map((l) => l.instructionId), links.map((l) => l.apiId), links.map((l) => l.position), links.map((l) => l.relevant)],
  );
  return [...new Set(r.rows.map((x) => x.instructionId))];
}

/**
 * Links instructions known only from answer files (no sampled API list) to catalog APIs through the
 * function names their trees were offered; returns the instructions that gained links.
 * `ids` limits the work to some instructions (undefined: all).
 */
export async function linkByFunctionNames(db: Db, ids?: number[]): Promise<number[]> {
  const r = await db.query<{ instructionId: number }>(
    `insert into "InstructionApi" ("instructionId", "apiId", position, relevant)
     select i.id, a.id, (f.ord - 1)::int, false
     from "Instruction" i
     cross join lateral unnest(i."functionNames") with ordinality as f(name, ord)
     join lateral (select id from "Api" where "functionName" = f.name order by id limit 1) a on true
     where i."sampledApis" = '[]'::jsonb and cardinality(i."functionNames") > 0 ${ids ? `and i.id = any($1::int[])` : ""}
     on conflict do nothing
     returning "instructionId"`,
    ids ? [ids] : [],
  );
  return [...new Set(r.rows.map((x) => x.instructionId))];
}

/** Recomputes the denormalized tool / category ids (list filters) of instructions whose links changed. */
export async function refreshFilterColumns(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `update "Instruction" i set "toolIds" = s.t, "categoryIds" = s.c
     from (select ia."instructionId" as id,
                  array_agg(distinct a."toolId" order by a."toolId") as t,
                  array_agg(distinct tl."categoryId" order by tl."categoryId") as c
           from "InstructionApi" ia join "Api" a on a.id = ia."apiId" join "Tool" tl on tl.id = a."toolId"
           where ia."instructionId" = any($1::int[])
           group by ia."instructionId") s
     where i.id = s.id and (i."toolIds", i."categoryIds") is distinct from (s.t, s.c)`,
    [[...ids].sort((a, b) => a - b)],
  );
}

let replicaRoleAllowed: Promise<boolean> | undefined;

/**
 * Skips per-row foreign-key checks for the rest of the transaction, when the database role may
 * (superusers: the embedded server's role is one). The importer writes trees with the instruction
 * ids it just upserted and nodes with the tree ids it just inserted, in the same transaction, so the
 * keys hold by construction — and the checks (one lookup and row lock per node) halved its speed.
 */
export async function skipForeignKeyChecks(db: Db): Promise<void> {
  replicaRoleAllowed ??= db
    .query<{ ok: boolean }>(`select rolsuper as ok from pg_roles where rolname = current_user`)
    .then((r) => r.rows[0]?.ok === true)
    .catch(() => false);
  if (await replicaRoleAllowed) await db.query(`set local session_replication_role = replica`);
}

export async function existingTreeHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const r = await db.query<{ contentHash: string }>(`select "contentHash" from "Tree" where "contentHash" = any($1::text[])`, [hashes]);
  return new Set(r.rows.map((x) => x.contentHash));
}

export async function allocateTreeIds(db: Db, count: number): Promise<number[]> {
  if (count === 0) return [];
  const r = await db.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence('"Tree"', 'id'))::int as id from generate_series(1, $1)`,
    [count],
  );
  return r.rows.map((x) => x.id);
}

/** Bytes per write to the COPY stream: rows are gathered up to this size. */
const COPY_CHUNK = 1 << 20;

/** Gathers small row chunks (one per tree) into writes of about COPY_CHUNK bytes. */
function* gathered(chunks: Iterable<Uint8Array>): Generator<Buffer> {
  let parts: Uint8Array[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c);
    size += c.byteLength;
    if (size >= COPY_CHUNK) {
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(parts, size);
}

/** COPY text rows (UTF-8 bytes; chunks need not end at line ends) into a table. */
async function copyInto(db: Db, table: string, columns: readonly string[], chunks: Iterable<Uint8Array>): Promise<void> {
  const sql = `copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`;
  await pipeline(Readable.from(gathered(chunks)), db.query(copyFrom(sql)));
}

export function copyTrees(db: Db, rows: Iterable<Uint8Array>): Promise<void> {
  return copyInto(db, "Tree", TREE_COLUMNS, rows);
}

export function copyNodes(db: Db, rows: Iterable<Uint8Array>): Promise<void> {
  return copyInto(db, "Node", NODE_COLUMNS, rows);
}

export async function upsertInstructionSet(db: Db, set: { name: string; group: string; queryIds: string[]; source: string }): Promise<boolean> {
  const r = await db.query(
    `insert into "InstructionSet" (name, "group", "queryIds", source) values ($1, $2, $3::text[], $4)
     on conflict (name) do update set "group" = excluded."group", "queryIds" = excluded."queryIds", source = excluded.source
     where ("InstructionSet"."group", "InstructionSet"."queryIds") is distinct from (excluded."group", excluded."queryIds")
     returning (xmax = 0) as inserted`,
    [set.name, set.group, set.queryIds, set.source],
  );
  return r.rows.some((x: { inserted: boolean }) => x.inserted);
}
