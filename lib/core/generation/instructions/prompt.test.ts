import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import type { CatalogApiRecord } from "./catalog";
import { parseGeneratedQueries } from "./parse-output";
import { buildInstructionPrompt, DEFAULT_SEEDS, sampleSeeds } from "./prompt";

const api = (tool: string, name: string): CatalogApiRecord => ({
  category: "Logistics",
  tool,
  name,
  description: `${name} of ${tool}`,
  requiredParameters: [{ name: "id", type: "STRING", description: "", default: "42" }],
  optionalParameters: [],
  templateResponse: { status: "str" },
});

describe("buildInstructionPrompt", () => {
  const apis = [api("SQUAKE", "Checkhealth"), api("Pack & Send", "Track")];
  const seeds = sampleSeeds("G2", createRng(1));

  it("asks for the requested number of queries over the sampled APIs' documentation", () => {
    const [system, user] = buildInstructionPrompt({ group: "G2", apis, seeds, count: 10 });
    expect(system!.role).toBe("system");
    const text = user!.content ?? "";
    expect(text).toContain("Write 10 different user queries");
    expect(text).toContain("first 7 queries very specific");
    expect(text).toContain("last 3 more complex");
    expect(text).toMatch(/2 to 5 of the APIs below, taken from at least two different tools/);
    expect(text).toMatch(/concrete values/);
    expect(text).toMatch(/Vary the tone/);
    expect(text).toContain("related_apis");
    for (const a of apis) expect(text).toContain(JSON.stringify({ category_name: a.category, tool_name: a.tool, api_name: a.name, api_description: a.description, required_parameters: a.requiredParameters, optional_parameters: [], method: "GET", template_response: { status: "str" } }));
  });

  it("shows the seeds in the format it asks for, which the parser reads back", () => {
    const text = buildInstructionPrompt({ group: "G1", apis, seeds: DEFAULT_SEEDS.single.slice(0, 2) })[1]!.content ?? "";
    expect(text).not.toMatch(/at least two different tools/);
    const examples = text.slice(text.indexOf("level of detail"), text.indexOf("API documentation:"));
    expect(parseGeneratedQueries(examples).queries).toEqual(DEFAULT_SEEDS.single.slice(0, 2));
  });

  it("samples seeds from the group's pool, reproducibly", () => {
    expect(sampleSeeds("G1", createRng(9))).toEqual(sampleSeeds("G1", createRng(9)));
    expect(sampleSeeds("G1", createRng(9)).every((s) => DEFAULT_SEEDS.single.includes(s))).toBe(true);
    expect(sampleSeeds("G3", createRng(9), 2).every((s) => DEFAULT_SEEDS.multi.includes(s))).toBe(true);
    expect(sampleSeeds("G3", createRng(9), 2)).toHaveLength(2);
  });
});
