// Per-step checks stored by the importer: each node's bits, the tree's union of them, the viewer's
// read of them, and the tree list's "has check" filter — over the real answer files.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_BIT, checksOf } from "@/lib/core/checks/definitions";
import { treeListFilter } from "@/lib/core/schemas/trees";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";
import { recomputeChecks } from "./tree-checks";
import { listTreePage } from "./tree-list";
import { getTreeView } from "./trees";

let db: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const files = ["toolbench/answer/G1_answer", "stabletoolbench/answer"].map((rel) => path.join(datasetsDir(), rel));
  const summary = await importFiles(expandInputs(files).files);
  expect(summary.errors).toEqual([]);
  const rows = (await pool().query<{ id: number; sourceFile: string }>(`select id, "sourceFile" from "Tree"`)).rows;
  for (const r of rows) ids[path.basename(r.sourceFile, ".json")] = r.id;
});
afterAll(async () => {
  await db.drop();
});

const keysOf = (bits: number) => checksOf(bits).map((c) => c.key);

describe("checks written on import", () => {
  it("store each node's checks, and their union on the tree", async () => {
    const rows = (
      await pool().query<{ id: number; checkFlags: number; union: number }>(
        `select t.id, t."checkFlags", (select coalesce(bit_or(n.checks), 0) from "Node" n where n."treeId" = t.id)::int as "union" from "Tree" t`,
      )
    ).rows;
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.checkFlags, `tree ${r.id}`).toBe(r.union);
    const flags = Object.fromEntries(rows.map((r) => [r.id, r.checkFlags]));
    expect(keysOf(flags[ids["57_ChatGPT_DFS_woFilter_w2"]!]!)).toEqual(["api_error"]);
    expect(keysOf(flags[ids["69_ChatGPT_DFS_woFilter_w2"]!]!)).toEqual(["unknown_function", "no_final_answer", "repeated_call"]);
    expect(flags[ids["10_ChatGPT_DFS_woFilter_w2"]!]).toBe(0);
    expect(keysOf(flags[ids["588_CoT@1"]!]!)).toEqual(["no_final_answer"]);
  });

  it("are read with the tree for the viewer", async () => {
    const view = await getTreeView(ids["57_ChatGPT_DFS_woFilter_w2"]!);
    expect(view.tree.checkFlags).toBe(CHECK_BIT.api_error);
    expect(view.checks).toHaveLength(26);
    expect(view.checks!.flatMap((bits, idx) => (bits ? [[idx, bits]] : []))).toEqual([[4, CHECK_BIT.api_error]]);
  });
});

describe("the tree list's check filter", () => {
  const list = async (query: Record<string, string>) =>
    (await listTreePage(treeListFilter.parse(query))).items.map((t) => t.id).sort((a, b) => a - b);
  const sorted = (...names: string[]) => names.map((n) => ids[n]!).sort((a, b) => a - b);

  it("lists the trees where any node has the check", async () => {
    expect(await list({ check: "api_error" })).toEqual(sorted("57_ChatGPT_DFS_woFilter_w2"));
    expect(await list({ check: "repeated_call" })).toEqual(sorted("11_ChatGPT_DFS_woFilter_w2", "69_ChatGPT_DFS_woFilter_w2"));
    expect(await list({ check: "no_final_answer" })).toEqual(sorted("588_CoT@1", "69_ChatGPT_DFS_woFilter_w2"));
    expect(await list({ check: "wrong_type" })).toEqual([]);
  });

  it("combines with the other filters and every sort order", async () => {
    expect(await list({ check: "no_final_answer", method: "react" })).toEqual(sorted("588_CoT@1"));
    for (const sort of ["id", "size", "depth", "calls", "errors"]) {
      expect(await list({ check: "repeated_call", sort })).toEqual(sorted("11_ChatGPT_DFS_woFilter_w2", "69_ChatGPT_DFS_woFilter_w2"));
    }
  });

  it("refuses a check it does not know", () => {
    expect(treeListFilter.safeParse({ check: "nonsense" }).success).toBe(false);
  });
});

describe("recomputeChecks", () => {
  const snapshot = async () =>
    (await pool().query<{ treeId: number; idx: number; checks: number; flags: number }>(
      `select n."treeId", n.idx, n.checks, t."checkFlags" as flags from "Node" n join "Tree" t on t.id = n."treeId" order by n."treeId", n.idx`,
    )).rows;

  it("fills in trees stored without checks, and changes nothing when they are current", async () => {
    const stored = await snapshot();
    // as a database migrated from before the checks holds them: every bit 0
    await pool().query(`update "Node" set checks = 0; update "Tree" set "checkFlags" = 0`);
    const seen: number[] = [];
    const first = await recomputeChecks((p) => seen.push(p.trees), 3);
    expect(first).toEqual({ trees: 8, changed: 4 }); // the trees a check found something in
    expect(seen).toEqual([3, 6, 8]);
    expect(await snapshot()).toEqual(stored);
    expect(await recomputeChecks()).toEqual({ trees: 8, changed: 0 });
  });
});
