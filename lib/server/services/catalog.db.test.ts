import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/core/errors";
import { seedCategory, seedInstruction, type SeededTool } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { getApiDetail, getCategoryPage, getToolPage, listCategories, listToolSuggestions, searchCatalog } from "./catalog";

let db: TestDatabase;
let squake: SeededTool;
let argentina: SeededTool;
let stocks: SeededTool;

beforeAll(async () => {
  db = await createTestDatabase();
  const logistics = await seedCategory("Logistics", [
    {
      name: "SQUAKE",
      description: "Carbon emission calculations for logistics",
      apis: [
        { name: "Checkhealth", description: "Check the health of the service" },
        {
          name: "Projects",
          description: "List the climate projects you can fund",
          method: "POST",
          url: "https://squake.example/projects",
          requiredParameters: [{ name: "api_key", type: "STRING", description: "Your key", default: "abc" }],
          optionalParameters: [
            { name: "limit", type: "NUMBER", description: "Page size", default: 10 },
            { name: "country", type: "STRING", description: "", default: "" },
          ],
          responseSchema: { type: "object", properties: { projects: { type: "array" } } },
        },
      ],
    },
    { name: "Transportistas de Argentina", description: "Shipping quotes in Argentina", apis: [{ name: "/cities/states", description: "Argentinian states" }] },
  ]);
  squake = logistics.tools["SQUAKE"]!;
  argentina = logistics.tools["Transportistas de Argentina"]!;
  const finance = await seedCategory("Finance", [{ name: "Stock Quotes 100%", description: "Real-time stock prices", apis: [{ name: "quote", description: "A stock quote" }, { name: "radar", description: "Aircraft squaking codes" }] }]);
  stocks = finance.tools["Stock Quotes 100%"]!;
  await seedCategory("Empty Category");
  await seedInstruction({ query: "track", categoryIds: [logistics.id], toolIds: [squake.id, argentina.id], links: [[squake.apiIds["Projects"]!, true]] });
  await seedInstruction({ query: "health", categoryIds: [logistics.id], toolIds: [squake.id] });
  await seedInstruction({ query: "stocks", categoryIds: [finance.id], toolIds: [stocks.id] });
});
afterAll(async () => {
  await db.drop();
});

describe("listCategories", () => {
  it("counts tools, APIs and instructions per category, ordered by name", async () => {
    expect(await listCategories()).toEqual([
      expect.objectContaining({ name: "Empty Category", standardizedName: "Empty_Category", toolCount: 0, apiCount: 0, instructionCount: 0 }),
      expect.objectContaining({ name: "Finance", toolCount: 1, apiCount: 2, instructionCount: 1 }),
      expect.objectContaining({ name: "Logistics", toolCount: 2, apiCount: 3, instructionCount: 2 }),
    ]);
  });
});

describe("getCategoryPage", () => {
  it("lists the category's tools with API and instruction counts", async () => {
    const page = await getCategoryPage("Logistics");
    expect(page.category).toMatchObject({ name: "Logistics", toolCount: 2, apiCount: 3 });
    expect(page.tools.map((t) => [t.name, t.standardizedName, t.apiCount, t.instructionCount])).toEqual([
      ["SQUAKE", "squake", 2, 2],
      ["Transportistas de Argentina", "transportistas_de_argentina", 1, 1],
    ]);
  });

  it("throws NotFoundError for an unknown category", async () => {
    await expect(getCategoryPage("Nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getToolPage", () => {
  it("lists the tool's APIs with parameter counts", async () => {
    const page = await getToolPage("Logistics", "squake");
    expect(page.tool).toMatchObject({ name: "SQUAKE", instructionCount: 2, category: { name: "Logistics", standardizedName: "Logistics" } });
    expect(page.apis.map((a) => [a.name, a.functionName, a.method, a.requiredCount, a.optionalCount])).toEqual([
      ["Checkhealth", "checkhealth_for_squake", "GET", 0, 0],
      ["Projects", "projects_for_squake", "POST", 1, 2],
    ]);
  });

  it("does not find a tool under another category", async () => {
    await expect(getToolPage("Finance", "squake")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getApiDetail", () => {
  it("returns required then optional parameters, the schema, and where the API lives", async () => {
    const api = await getApiDetail(squake.apiIds["Projects"]!);
    expect(api).toMatchObject({
      name: "Projects",
      method: "POST",
      url: "https://squake.example/projects",
      instructionCount: 1,
      responseSchema: { type: "object", properties: { projects: { type: "array" } } },
      tool: { id: squake.id, name: "SQUAKE", standardizedName: "squake" },
      category: { name: "Logistics", standardizedName: "Logistics" },
    });
    expect(api.parameters).toEqual([
      { name: "api_key", type: "STRING", description: "Your key", required: true, example: "abc" },
      { name: "limit", type: "NUMBER", description: "Page size", required: false, example: "10" },
      { name: "country", type: "STRING", description: "", required: false, example: null },
    ]);
  });

  it("throws NotFoundError for an unknown id", async () => {
    await expect(getApiDetail(999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("searchCatalog", () => {
  it("finds tools by name and APIs by name", async () => {
    const r = await searchCatalog({ q: "squake", limit: 25 });
    expect(r.tools.rows.map((t) => t.name)).toEqual(["SQUAKE"]);
    expect(r.tools.total).toBe(1);
    // the SQUAKE APIs match through their function names and rank above a stemmed description match
    expect(r.apis.rows.map((a) => a.name)).toEqual(["Checkhealth", "Projects", "radar"]);
  });

  it("matches API descriptions with English stemming", async () => {
    const r = await searchCatalog({ q: "fund climate project", limit: 25 });
    expect(r.apis.rows.map((a) => [a.name, a.toolName, a.categoryStandardizedName])).toEqual([["Projects", "SQUAKE", "Logistics"]]);
  });

  it("matches tool descriptions", async () => {
    const r = await searchCatalog({ q: "shipping quotes", limit: 25 });
    expect(r.tools.rows.map((t) => t.name)).toEqual(["Transportistas de Argentina"]);
  });

  it("treats LIKE wildcards literally", async () => {
    const r = await searchCatalog({ q: "100%", limit: 25 });
    expect(r.tools.rows.map((t) => t.name)).toEqual(["Stock Quotes 100%"]);
    // unescaped, "S%E" would match SQUAKE and "Sto_k" would match Stock Quotes
    expect((await searchCatalog({ q: "S%E", limit: 25 })).tools.total).toBe(0);
    expect((await searchCatalog({ q: "Sto_k", limit: 25 })).tools.total).toBe(0);
  });

  it("limits rows but reports the full total", async () => {
    const r = await searchCatalog({ q: "s", limit: 1 });
    expect(r.tools.rows).toHaveLength(1);
    expect(r.tools.total).toBe(3);
  });
});

describe("listToolSuggestions", () => {
  it("ranks names starting with the text first", async () => {
    const r = await listToolSuggestions({ q: "s", limit: 20 });
    expect(r.map((t) => t.name)).toEqual(["SQUAKE", "Stock Quotes 100%", "Transportistas de Argentina"]);
  });

  it("restricts to a category", async () => {
    const r = await listToolSuggestions({ q: "s", category: "Finance", limit: 20 });
    expect(r.map((t) => [t.name, t.categoryName, t.apiCount])).toEqual([["Stock Quotes 100%", "Finance", 2]]);
  });
});
