// Who may start an evaluation run: the action checks the "run" permission before anything is queued.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, forbiddenMessage, type Permission, type Role } from "@/lib/core/auth/permissions";
import { ForbiddenError } from "@/lib/core/errors";
import { addFakeEndpoint, sql } from "@/lib/test/run-fixtures";
import { seedInstruction, seedTree } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";

const as = vi.hoisted(() => ({ user: { id: 0, email: "someone@example.com", name: "Someone", role: "viewer" as string } }));
vi.mock("@/lib/server/auth/session", () => ({
  requireUser: vi.fn(async (permission: Permission = "read") => {
    if (!can(as.user.role as Role, permission)) throw new ForbiddenError(forbiddenMessage(as.user.role as Role, permission));
    return as.user;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let db: TestDatabase;
let input: object;

beforeAll(async () => {
  db = await createTestDatabase();
  const instructionId = await seedInstruction({ query: "Forecast for Oslo?" });
  const treeId = await seedTree({ instructionId, nodes: [{ parentIdx: null, type: "ActionInput", text: "" }] });
  const endpointId = await addFakeEndpoint("http://127.0.0.1:9/v1");
  const [admin] = await sql<{ id: number }>(`insert into "User" (email, name, role, "updatedAt") values ('admin@example.com', 'Admin', 'admin', now()) returning id`);
  as.user.id = admin!.id;
  input = { mode: "pass_rate", endpointId, filter: { ids: [treeId] } };
});
afterAll(async () => {
  await db.drop();
});

const evaluateRuns = async () => (await sql<{ n: number }>(`select count(*)::int as n from "Run" where kind = 'evaluate'`))[0]!.n;

describe("startEvaluationRunAction", () => {
  it("refuses viewers and reviewers, and queues nothing", async () => {
    const { startEvaluationRunAction } = await import("./actions");
    for (const role of ["viewer", "reviewer"]) {
      as.user.role = role;
      const r = await startEvaluationRunAction(input);
      expect(r).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await evaluateRuns()).toBe(0);
  });

  it("lets admins start one, and answers bad input with its reasons", async () => {
    const { startEvaluationRunAction } = await import("./actions");
    as.user.role = "admin";
    const r = await startEvaluationRunAction(input);
    expect(r).toMatchObject({ ok: true, value: { items: 1 } });
    expect(await evaluateRuns()).toBe(1);
    const bad = await startEvaluationRunAction({ ...input, judgements: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });
});
