import { afterEach, describe, expect, it, vi } from "vitest";
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from "@/lib/core/errors";
import { instructionListFilter } from "@/lib/core/schemas/instructions";
import { requireUser } from "@/lib/server/auth/session";
import { readId, readQuery, respond } from "./respond";

// The session check is the real one elsewhere (database and browser tests); here it is scripted.
vi.mock("@/lib/server/auth/session", () => ({
  requireUser: vi.fn(async () => ({ id: 1, email: "a@b.c", name: "A", role: "admin" })),
}));

afterEach(() => {
  vi.clearAllMocks();
});

describe("respond", () => {
  it("answers a read as JSON", async () => {
    const res = await respond(async () => ({ a: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ a: 1 });
  });

  it("translates typed errors to 404 and 400 with their message", async () => {
    const notFound = await respond(async () => {
      throw new NotFoundError("No instruction with id 9");
    });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "NOT_FOUND", message: "No instruction with id 9" } });
    const invalid = await respond(async () => {
      throw new InvalidInputError("bad");
    });
    expect(invalid.status).toBe(400);
  });

  it("answers 401 without a session and 403 without the permission, before reading", async () => {
    const read = vi.fn(async () => ({ a: 1 }));
    vi.mocked(requireUser).mockRejectedValueOnce(new UnauthenticatedError());
    expect((await respond(read)).status).toBe(401);
    vi.mocked(requireUser).mockRejectedValueOnce(new ForbiddenError("Your role (viewer) does not allow you to import data."));
    const forbidden = await respond(read, "import");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: { code: "FORBIDDEN", message: "Your role (viewer) does not allow you to import data." } });
    expect(read).not.toHaveBeenCalled();
    expect(vi.mocked(requireUser)).toHaveBeenLastCalledWith("import");
  });

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await respond(async () => {
      throw new Error("password=secret in a stack trace");
    });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe("readQuery / readId", () => {
  it("parses a valid query string and rejects an invalid one with zod's reasons", () => {
    expect(readQuery(instructionListFilter, new URL("http://x/api/instructions?group=G1&page=2"))).toEqual({ group: "G1", page: 2, pageSize: 50 });
    expect(() => readQuery(instructionListFilter, new URL("http://x/api/instructions?page=-1"))).toThrow(
      new InvalidInputError("Invalid query parameters: page: page must be at least 1"),
    );
  });

  it("accepts positive whole ids only", () => {
    expect(readId("42", "tool id")).toBe(42);
    for (const bad of ["0", "-1", "1.5", "abc", "99999999999", "007"]) expect(() => readId(bad, "tool id")).toThrow(InvalidInputError);
  });
});
