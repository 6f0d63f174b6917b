import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { instructionListFilter } from "@/lib/core/schemas/instructions";
import { readId, readQuery, respond } from "./respond";

afterEach(() => {
  vi.restoreAllMocks();
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

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await respond(async () => {
      throw new Error("password=secret in a stack trace");
    });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
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
