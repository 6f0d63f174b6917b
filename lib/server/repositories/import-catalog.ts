// Catalog writes for the importer, on one node-postgres client inside a transaction the caller owns.
// Set-based SQL (unnest): one statement per table whatever the number of rows.
import type pg from "pg";
import type { CatalogTool } from "@/lib/core/toolbench/types";
import { functionNameFor, changeName, standardize, standardizeCategory } from "@/lib/core/toolbench/names";

export type Db = pg.PoolClient;

// ───────────── catalog ─────────────

export interface CatalogWriteResult {
  categories: number;
  tools: number;
  apis: number;
}

/**
 * Upserts categories, tools and APIs. `authoritative` sources (toolenv tool files) overwrite what
 * they describe; others (instruction files' api_list) only fill what is still empty. Unchanged rows
 * are not touched, so re-importing a file writes nothing.
 */
export async function upsertCatalog(db: Db, tools: CatalogTool[], opts: { authoritative: boolean; sourceFile: string }): Promise<CatalogWriteResult> {
  if (tools.length === 0) return { categories: 0, tools: 0, apis: 0 };
  const catNames = new Map<string, string>();
  for (const t of tools) catNames.set(standardizeCategory(t.category), t.category);
  const cat = await db.query<{ inserted: boolean }>(
    `insert into "Category" (name, "standardizedName")
     select * from unnest($1::text[], $2::text[])
     on conflict ("standardizedName") do nothing
     returning true as inserted`,
    [[...catNames.values()], [...catNames.keys()]],
  );
  const catIds = new Map<string, number>();
  const catRows = await db.query<{ id: number; standardizedName: string }>(
    `select id, "standardizedName" from "Category" where "standardizedName" = any($1::text[])`,
    [[...catNames.keys()]],
  );
  for (const r of catRows.rows) catIds.set(r.standardizedName, r.id);

  // tools (deduplicated: one row per category + standardized name)
  const toolRows = new Map<string, CatalogTool & { categoryId: number }>();
  for (const t of tools) {
    const categoryId = catIds.get(standardizeCategory(t.category))!;
    const k = `${categoryId}\u0000${t.standardizedName}`;
    const prev = toolRows.get(k);
    toolRows.set(k, prev ? { ...prev, apis: [...prev.apis, ...t.apis] } : { ...t, categoryId });
  }
  const tl = [...toolRows.values()];
  const fill = (col: string) =>
    opts.authoritative
      ? `${col} = coalesce(excluded.${col}, "Tool".${col})`
      : `${col} = coalesce(nullif("Tool".${col}, ''), excluded.${col})`;
  const toolResult = await db.query<{ id: number; categoryId: number; standardizedName: string; inserted: boolean }>(
    `insert into "Tool" ("categoryId", name, "standardizedName", description, title, host, "homeUrl", pricing, score, source, "sourceFile", "updatedAt")
     select c, n, s, coalesce(d, ''), ti, h, hu, p, sc::jsonb, 'toolbench', $10, now()
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       as x(c, n, s, d, ti, h, hu, p, sc)
     on conflict ("categoryId", "standardizedName") do update set
       ${opts.authoritative ? `name = excluded.name,` : ""}
       ${fill("description")}, ${fill("title")}, ${fill("host")}, ${fill('"homeUrl"')}, ${fill("pricing")},
       score = coalesce(${opts.authoritative ? `excluded.score, "Tool".score` : `"Tool".score, excluded.score`}),
       "updatedAt" = now()
     where ${opts.authoritative ? `("Tool".name, "Tool".description, "Tool".title, "Tool".host, "Tool"."homeUrl", "Tool".pricing, "Tool".score)
            is distinct from (excluded.name, coalesce(excluded.description, "Tool".description), coalesce(excluded.title, "Tool".title), coalesce(excluded.host, "Tool".host), coalesce(excluded."homeUrl", "Tool"."homeUrl"), coalesce(excluded.pricing, "Tool".pricing), coalesce(excluded.score, "Tool".score))`
            : `("Tool".description = '' and excluded.description <> '') or ("Tool".host is null and excluded.host is not null) or ("Tool".title is null and excluded.title is not null)`}
     returning id, "categoryId", "standardizedName", (xmax = 0) as inserted`,
    [
      tl.map((t) => t.categoryId),
      tl.map((t) => t.name),
      tl.map((t) => t.standardizedName),
      tl.map((t) => t.description ?? null),
      tl.map((t) => t.title ?? null),
      tl.map((t) => t.host ?? null),
      tl.map((t) => t.homeUrl ?? null),
      tl.map((t) => t.pricing ?? null),
      tl.map((t) => (t.score === undefined ? null : JSON.stringify(t.score))),
      opts.sourceFile,
    ],
  );
  const toolIds = new Map<string, number>();
  const idRows = await db.query<{ id: number; categoryId: number; standardizedName: string }>(
    `select id, "categoryId", "standardizedName" from "Tool"
     where ("categoryId", "standardizedName") in (select * from unnest($1::int[], $2::text[]))`,
    [tl.map((t) => t.categoryId), tl.map((t) => t.standardizedName)],
  );
  for (const r of idRows.rows) toolIds.set(`${r.categoryId}\u0000${r.standardizedName}`, r.id);

  // APIs (deduplicated per tool by name)
  const apis = new Map<string, { toolId: number; toolStd: string; api: CatalogTool["apis"][number] }>();
  for (const t of tl) {
    const toolId = toolIds.get(`${t.categoryId}\u0000${t.standardizedName}`)!;
    for (const a of t.apis) {
      const k = `${toolId}\u0000${a.name}`;
      if (!apis.has(k) || opts.authoritative) apis.set(k, { toolId, toolStd: t.standardizedName, api: a });
    }
  }
  const al = [...apis.values()];
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const apiFill = (col: string, empty: string) =>
    opts.authoritative ? `${col} = excluded.${col}` : `${col} = case when "Api".${col} ${empty} then excluded.${col} else "Api".${col} end`;
  const apiResult = await db.query<{ inserted: boolean }>(
    `insert into "Api" ("toolId", name, "standardizedName", "functionName", description, method, url,
                        "requiredParameters", "optionalParameters", "responseSchema", "testEndpoint", "statusCode", source, "updatedAt")
     select t, n, s, f, d, m, u, rp::jsonb, op::jsonb, rs::jsonb, te::jsonb, sc, 'toolbench', now()
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[])
       as x(t, n, s, f, d, m, u, rp, op, rs, te, sc)
     on conflict ("toolId", name) do update set
       ${apiFill("description", "= ''")}, ${apiFill("method", "= ''")},
       url = coalesce(${opts.authoritative ? `excluded.url, "Api".url` : `"Api".url, excluded.url`}),
       ${apiFill('"requiredParameters"', "= '[]'::jsonb")}, ${apiFill('"optionalParameters"', "= '[]'::jsonb")},
       "responseSchema" = coalesce(${opts.authoritative ? `excluded."responseSchema", "Api"."responseSchema"` : `"Api"."responseSchema", excluded."responseSchema"`}),
       "testEndpoint" = coalesce(${opts.authoritative ? `excluded."testEndpoint", "Api"."testEndpoint"` : `"Api"."testEndpoint", excluded."testEndpoint"`}),
       "statusCode" = coalesce(${opts.authoritative ? `excluded."statusCode", "Api"."statusCode"` : `"Api"."statusCode", excluded."statusCode"`}),
       "updatedAt" = now()
     where ${
       opts.authoritative
         ? `("Api".description, "Api".method, "Api".url, "Api"."requiredParameters", "Api"."optionalParameters", "Api"."responseSchema", "Api"."testEndpoint", "Api"."statusCode")
            is distinct from (excluded.description, excluded.method, coalesce(excluded.url, "Api".url), excluded."requiredParameters", excluded."optionalParameters",
                              coalesce(excluded."responseSchema", "Api"."responseSchema"), coalesce(excluded."testEndpoint", "Api"."testEndpoint"), coalesce(excluded."statusCode", "Api"."statusCode"))`
         : `("Api".description = '' and excluded.description <> '')
            or ("Api"."requiredParameters" = '[]'::jsonb and excluded."requiredParameters" <> '[]'::jsonb)
            or ("Api"."optionalParameters" = '[]'::jsonb and excluded."optionalParameters" <> '[]'::jsonb)
            or ("Api"."responseSchema" is null and excluded."responseSchema" is not null)
            or ("Api".url is null and excluded.url is not null)`
     }
     returning (xmax = 0) as inserted`,
    [
      al.map((a) => a.toolId),
      al.map((a) => a.api.name),
      al.map((a) => changeName(standardize(a.api.name))),
      al.map((a) => functionNameFor(a.api.name, a.toolStd)),
      al.map((a) => a.api.description),
      al.map((a) => a.api.method),
      al.map((a) => a.api.url ?? null),
      al.map((a) => JSON.stringify(a.api.requiredParameters)),
      al.map((a) => JSON.stringify(a.api.optionalParameters)),
      al.map((a) => json(a.api.responseSchema)),
      al.map((a) => json(a.api.testEndpoint)),
      al.map((a) => a.api.statusCode ?? null),
    ],
  );
  return {
    categories: cat.rowCount ?? 0,
    tools: toolResult.rows.filter((r) => r.inserted).length,
    apis: apiResult.rows.filter((r) => r.inserted).length,
  };
}

/**
 * Attaches response schemas (toolenv/response_examples) to a tool's APIs, creating the tool and
 * APIs when the catalog does not know them yet (their names and schemas are all the file says).
 */
export async function attachResponseSchemas(
  db: Db,
  category: string,
  toolStandardizedName: string,
  schemas: { api: string; schema: unknown }[],
  sourceFile: string,
): Promise<CatalogWriteResult> {
  const tool: CatalogTool = {
    category,
    name: toolStandardizedName,
    standardizedName: toolStandardizedName,
    apis: schemas.map((s) => ({ name: s.api, description: "", method: "GET", requiredParameters: [], optionalParameters: [] })),
  };
  const created = await upsertCatalog(db, [tool], { authoritative: false, sourceFile });
  if (schemas.length === 0) return created;
  await db.query(
    `update "Api" a set "responseSchema" = x.s::jsonb, "updatedAt" = now()
     from unnest($3::text[], $4::text[]) as x(n, s), "Tool" t, "Category" c
     where a."toolId" = t.id and t."categoryId" = c.id and c."standardizedName" = $1 and t."standardizedName" = $2
       and a.name = x.n and a."responseSchema" is distinct from x.s::jsonb`,
    [standardizeCategory(category), toolStandardizedName, schemas.map((s) => s.api), schemas.map((s) => JSON.stringify(s.schema ?? null))],
  );
  return created;
}
