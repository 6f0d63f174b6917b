import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { checkDatabase } from "./health";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("checkDatabase", () => {
  it("reports a reachable, migrated database", async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });
});
