// Importing a StableToolBench cache folder: Python-repr keys become canonical JSON, so the model's
// JSON arguments (in any key order) hit the imported answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheExecutor } from "../executors/cache-executor";
import { createExecutorChain } from "../executors/chain";
import type { SolveApi } from "../repositories/solve-inputs";
import { seedCategory } from "@/lib/test/seed";
import { sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { importToolResponseCache } from "./cache-import";

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedCategory("Data", [{ name: "Zoopla", apis: [{ name: "properties/get-broadband" }] }]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-cache-"));
  const toolDir = path.join(dir, "tool_response_cache", "Data", "zoopla_for_Data");
  fs.mkdirSync(toolDir, { recursive: true });
  fs.writeFileSync(
    path.join(toolDir, "properties_get_broadband.json"),
    JSON.stringify({
      "{'listing_id': 56354192}": { error: "", response: { speed: "80 Mb" } },
      "{'listing_id': 1, 'area': 'Oxford', 'fast': True, 'extra': None}": { error: "", response: "cached text" },
      "not a dict": { error: "", response: 1 },
    }),
  );
  fs.writeFileSync(path.join(dir, "stray.json"), "{}");
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe("importToolResponseCache", () => {
  it("imports entries under canonical JSON keys, linked to the catalog, and reports what it could not read", async () => {
    const summary = await importToolResponseCache(dir);
    expect(summary).toMatchObject({ files: 1, entries: 2, stored: 2, unlinked: 0 });
    expect(summary.problems.map((p) => p.file).sort()).toEqual(["stray.json", path.join("tool_response_cache", "Data", "zoopla_for_Data", "properties_get_broadband.json")].sort());
    const rows = await sql<{ argsKey: string; functionName: string; source: string; apiId: number | null }>(`select "argsKey", "functionName", source, "apiId" from "ApiCacheEntry" order by id`);
    expect(rows.map((r) => r.argsKey)).toEqual(['{"listing_id":56354192}', '{"area":"Oxford","extra":null,"fast":true,"listing_id":1}']);
    expect(rows.every((r) => r.functionName === "properties_get_broadband_for_zoopla" && r.source === "imported" && r.apiId !== null)).toBe(true);
    expect((await importToolResponseCache(dir)).stored).toBe(0); // nothing new the second time
  });

  it("answers the model's JSON arguments from the imported cache", async () => {
    const api = { functionName: "properties_get_broadband_for_zoopla" } as SolveApi;
    const execute = createExecutorChain([cacheExecutor()], new Map([[api.functionName, api]]));
    expect(await execute(api.functionName, '{"fast": true, "listing_id": 1, "extra": null, "area": "Oxford"}')).toEqual({ observation: '{"error": "", "response": "cached text"}', code: 0 });
    expect(await execute(api.functionName, '{"listing_id": "56354192"}')).toEqual({
      observation: '{"error": "Request error... no executor of the run could answer this call", "response": ""}',
      code: 12,
    });
  });
});
