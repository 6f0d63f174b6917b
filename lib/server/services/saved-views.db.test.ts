import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { MAX_SAVED_VIEWS } from "@/lib/core/schemas/trees";
import { prisma } from "@/lib/server/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { deleteTreeView, listTreeViews, saveTreeView } from "./saved-views";

let db: TestDatabase;
let ada: number;
let bo: number;

const summary = async (userId: number) => (await listTreeViews(userId)).map((v) => [v.name, v.query]);

beforeAll(async () => {
  db = await createTestDatabase();
  ada = (await prisma().user.create({ data: { email: "ada@arbor.test", name: "Ada", role: "reviewer" } })).id;
  bo = (await prisma().user.create({ data: { email: "bo@arbor.test", name: "Bo", role: "viewer" } })).id;
});
afterAll(async () => {
  await db.drop();
});

describe("saved tree views", () => {
  it("are stored in canonical form without the page, and listed by name", async () => {
    const saved = await saveTreeView(ada, { name: "G2 give-ups", query: "page=3&finish=give_up&group=G2" });
    expect(saved).toMatchObject({ name: "G2 give-ups", query: "group=G2&finish=give_up", created: true });
    await saveTreeView(ada, { name: "Biggest", query: "sort=size" });
    expect(await summary(ada)).toEqual([
      ["Biggest", "sort=size"],
      ["G2 give-ups", "group=G2&finish=give_up"],
    ]);
  });

  it("are per user: others neither see nor delete them, and may use the same names", async () => {
    expect(await summary(bo)).toEqual([]);
    const adas = await listTreeViews(ada);
    await expect(deleteTreeView(bo, adas[0]!.id)).rejects.toThrow(NotFoundError);
    expect(await listTreeViews(ada)).toHaveLength(2);
    await saveTreeView(bo, { name: "G2 give-ups", query: "group=G2" });
    expect(await summary(bo)).toEqual([["G2 give-ups", "group=G2"]]);
    expect((await summary(ada))[1]).toEqual(["G2 give-ups", "group=G2&finish=give_up"]);
  });

  it("replace the query of a view saved again under the same name", async () => {
    const again = await saveTreeView(ada, { name: "Biggest", query: "sort=size&valid=yes" });
    expect(again).toMatchObject({ created: false, query: "valid=yes&sort=size" });
    expect(await summary(ada)).toEqual([
      ["Biggest", "valid=yes&sort=size"],
      ["G2 give-ups", "group=G2&finish=give_up"],
    ]);
  });

  it("are deleted by their owner; a second delete is not found", async () => {
    const biggest = (await listTreeViews(ada)).find((v) => v.name === "Biggest")!;
    await deleteTreeView(ada, biggest.id);
    expect(await summary(ada)).toEqual([["G2 give-ups", "group=G2&finish=give_up"]]);
    await expect(deleteTreeView(ada, biggest.id)).rejects.toThrow(NotFoundError);
  });

  it("do not include views of other lists", async () => {
    await prisma().savedView.create({ data: { userId: ada, scope: "instructions", name: "Not a tree view", query: "group=G1" } });
    expect((await listTreeViews(ada)).map((v) => v.name)).toEqual(["G2 give-ups"]);
  });

  it("are limited in number, though an existing one can still be replaced", async () => {
    const existing = (await listTreeViews(bo)).length;
    await prisma().savedView.createMany({ data: Array.from({ length: MAX_SAVED_VIEWS - existing }, (_, i) => ({ userId: bo, scope: "trees", name: `view ${i}`, query: "" })) });
    await expect(saveTreeView(bo, { name: "one too many", query: "" })).rejects.toThrow(InvalidInputError);
    expect(await saveTreeView(bo, { name: "view 0", query: "status=approved" })).toMatchObject({ created: false, query: "status=approved" });
    expect(await listTreeViews(bo)).toHaveLength(MAX_SAVED_VIEWS);
  });
});
