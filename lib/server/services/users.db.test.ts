// Accounts against a real database with the real auth library: the first user becomes admin (once,
// even when two people set up at the same moment), passwords are checked, disabled users are out.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConflictError, InvalidInputError } from "@/lib/core/errors";
import { pool } from "@/lib/server/db/pool";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";

// Outside a Next.js request there are no request headers or cookies to read or set.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

let db: TestDatabase;
const sql = async (text: string, params: unknown[] = []) => (await pool().query(text, params)).rows;

beforeAll(async () => {
  process.env.ARBOR_AUTH_SECRET = "a-test-secret-that-is-long-enough-for-auth-0123456789";
  db = await createTestDatabase(); // (re-reads the environment)
});
afterAll(async () => {
  await db.drop();
});

describe("first-run setup and sign-in", () => {
  it("makes exactly one first admin when two set up at once", async () => {
    const { createFirstAdmin, needsSetup } = await import("./users");
    expect(await needsSetup()).toBe(true);
    const results = await Promise.allSettled([
      createFirstAdmin({ name: "Ada", email: "ada@example.org", password: "correct horse 1" }),
      createFirstAdmin({ name: "Bob", email: "bob@example.org", password: "correct horse 2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const users = await sql(`select email, role from "User"`);
    expect(users).toHaveLength(1);
    expect(users[0].role).toBe("admin");
    expect(await needsSetup()).toBe(false);
    // the password is stored hashed, never as written
    const [account] = await sql(`select "providerId", password from "Account"`);
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain("correct horse");
  });

  it("refuses a wrong password with a message that does not say which part was wrong", async () => {
    const { signIn } = await import("./users");
    const [{ email }] = await sql(`select email from "User"`);
    await expect(signIn({ email, password: "wrong password" })).rejects.toThrow(new InvalidInputError("Wrong email or password."));
    await expect(signIn({ email: "nobody@example.org", password: "whatever1" })).rejects.toThrow(new InvalidInputError("Wrong email or password."));
  });

  it("creates sessions on sign-in and refuses disabled accounts", async () => {
    const { signIn } = await import("./users");
    const [{ email }] = await sql(`select email from "User"`);
    const password = email.startsWith("ada") ? "correct horse 1" : "correct horse 2";
    const before = (await sql(`select count(*)::int as n from "Session"`))[0].n;
    await signIn({ email, password });
    expect((await sql(`select count(*)::int as n from "Session"`))[0].n).toBe(before + 1);
    await sql(`update "User" set banned = true`);
    await expect(signIn({ email, password })).rejects.toThrow(/disabled/);
  });
});
