import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCategory, seedInstruction, seedTree, type SeedNode } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { getOverview } from "./overview";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const nodes = (n: number): SeedNode[] =>
  Array.from({ length: n }, (_, i) => ({ parentIdx: i === 0 ? null : i - 1, type: i % 2 ? "Action" : "ActionInput", text: `n${i}` }));

describe("getOverview", () => {
  it("reports an empty database as empty", async () => {
    const o = await getOverview();
    expect(o.isEmpty).toBe(true);
    expect(o.totals).toEqual({ categories: 0, tools: 0, apis: 0, instructions: 0, instructionsWithTrees: 0, trees: 0, validTrees: 0, nodes: 0 });
    expect(o.groups).toEqual([]);
  });

  it("counts the catalog, instructions and trees by group, method and finish type", async () => {
    await seedCategory("Logistics", [{ name: "SQUAKE", apis: [{ name: "Checkhealth" }, { name: "Projects" }] }, { name: "Empty Tool" }]);
    const g1a = await seedInstruction({ group: "G1", query: "a" });
    await seedInstruction({ group: "G1", query: "b" });
    const g2 = await seedInstruction({ group: "G2", query: "c" });
    await seedTree({ instructionId: g1a, nodes: nodes(7), finishType: "give_answer" });
    await seedTree({ instructionId: g1a, nodes: nodes(3), method: "react", methodLabel: "CoT@1", finishType: null });
    await seedTree({ instructionId: g2, nodes: nodes(10), finishType: "give_up" });
    await seedTree({ instructionId: g2, nodes: nodes(4), finishType: "give_answer", validData: false, chosenNodeIdx: null });

    const o = await getOverview();
    expect(o.isEmpty).toBe(false);
    expect(o.totals).toEqual({ categories: 1, tools: 2, apis: 2, instructions: 3, instructionsWithTrees: 2, trees: 4, validTrees: 3, nodes: 24 });
    expect(o.groups).toEqual([
      { group: "G1", instructions: 2, trees: 2 },
      { group: "G2", instructions: 1, trees: 2 },
    ]);
    expect(o.methods).toEqual([
      { method: "dfsdt", methodLabel: "DFS_woFilter_w2", count: 3 },
      { method: "react", methodLabel: "CoT@1", count: 1 },
    ]);
    expect(o.finishTypes).toEqual([
      { finishType: "give_answer", valid: 1, invalid: 1 },
      { finishType: "give_up", valid: 1, invalid: 0 },
      { finishType: "unknown", valid: 1, invalid: 0 },
    ]);
  });
});
