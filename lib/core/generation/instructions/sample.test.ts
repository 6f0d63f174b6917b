import { describe, expect, it } from "vitest";
import { readDatasetJson } from "@/lib/test/datasets";
import { createRng } from "../rng";
import type { CatalogApiRecord } from "./catalog";
import { sampleApis, sampleMultiTool, sampleSingleTool } from "./sample";

/* eslint-disable @typescript-eslint/no-explicit-any -- instruction files are read as raw JSON */

/** A synthetic catalog: 3 categories × 6 tools × 1–7 APIs; tools belong to one or two collections. */
function syntheticCatalog(): CatalogApiRecord[] {
  const apis: CatalogApiRecord[] = [];
  for (let c = 0; c < 3; c++) {
    for (let t = 0; t < 6; t++) {
      for (let a = 0; a < 1 + ((c * 6 + t) % 7); a++) {
        apis.push({
          category: `Category ${c}`,
          tool: `Tool ${c}-${t}`,
          collections: t % 2 === 0 ? ["Even tools", `Collection ${c}`] : [`Collection ${c}`],
          name: `api ${a}`,
          description: `API ${a} of tool ${c}-${t}`,
          requiredParameters: [],
          optionalParameters: [],
        });
      }
    }
  }
  return apis;
}

const catalog = syntheticCatalog();

describe("createRng", () => {
  it("is reproducible from its seed and stays in range", () => {
    const a = createRng("run-7");
    const b = createRng("run-7");
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 50 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(1).next()).not.toBe(createRng(2).next());
    const r = createRng(3);
    const ints = Array.from({ length: 200 }, () => r.int(2, 5));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4, 5]));
    expect(new Set(r.sample([1, 2, 3, 4], 4))).toEqual(new Set([1, 2, 3, 4]));
    expect(() => r.sample([1], 2)).toThrow(RangeError);
  });
});

describe("sampling", () => {
  it("gives the same sample for the same seed", () => {
    for (const group of ["G1", "G2", "G3"] as const) {
      expect(sampleApis(group, catalog, createRng(`seed-${group}`))).toEqual(sampleApis(group, catalog, createRng(`seed-${group}`)));
    }
    const many = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(sampleApis("G2", catalog, createRng(i)).apis.map((a) => a.tool + a.name))));
    expect(many.size).toBeGreaterThan(10);
  });

  it("I1: APIs of one tool only, in catalog order, at most the limit", () => {
    for (let seed = 0; seed < 100; seed++) {
      const s = sampleSingleTool(catalog, createRng(seed), { maxApisSingleTool: 4 });
      expect(s.group).toBe("G1");
      expect(new Set(s.apis.map((a) => a.tool)).size).toBe(1);
      const all = catalog.filter((a) => a.tool === s.apis[0]!.tool);
      expect(s.apis.length).toBe(Math.min(4, all.length));
      expect(s.apis.map((a) => all.indexOf(a))).toEqual([...s.apis.map((a) => all.indexOf(a))].sort((x, y) => x - y));
    }
  });

  it("I2: 2–5 tools of one category, 1–3 APIs each", () => {
    const toolCounts = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      const s = sampleMultiTool(catalog, "category", createRng(seed));
      expect(s.group).toBe("G2");
      expect(new Set(s.apis.map((a) => a.category))).toEqual(new Set([s.drawnFrom.name]));
      const perTool = new Map<string, number>();
      for (const a of s.apis) perTool.set(a.tool, (perTool.get(a.tool) ?? 0) + 1);
      expect(perTool.size).toBeGreaterThanOrEqual(2);
      expect(perTool.size).toBeLessThanOrEqual(5);
      expect([...perTool.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
      expect(s.tools.map((t) => t.tool)).toEqual([...perTool.keys()]);
      toolCounts.add(perTool.size);
    }
    expect(toolCounts).toEqual(new Set([2, 3, 4, 5]));
  });

  it("I3: 2–5 tools of one collection, possibly from several categories", () => {
    let crossCategory = 0;
    for (let seed = 0; seed < 200; seed++) {
      const s = sampleMultiTool(catalog, "collection", createRng(seed));
      expect(s.group).toBe("G3");
      expect(s.apis.every((a) => a.collections!.includes(s.drawnFrom.name))).toBe(true);
      expect(s.tools.length).toBeGreaterThanOrEqual(2);
      expect(s.tools.length).toBeLessThanOrEqual(5);
      if (new Set(s.apis.map((a) => a.category)).size > 1) crossCategory++;
    }
    expect(crossCategory).toBeGreaterThan(0);
  });

  it("works on real API documentation and refuses an impossible sample", () => {
    const real: CatalogApiRecord[] = readDatasetJson<any[]>("toolbench/instruction/G2_query.json").flatMap((q) =>
      q.api_list.map((a: any) => ({
        category: a.category_name,
        tool: a.tool_name,
        name: a.api_name,
        description: a.api_description,
        requiredParameters: a.required_parameters,
        optionalParameters: a.optional_parameters,
      })),
    );
    const s = sampleMultiTool(real, "category", createRng(5));
    expect(s.tools.length).toBeGreaterThanOrEqual(2);
    expect(() => sampleMultiTool(real, "collection", createRng(5))).toThrow(/no collection has at least 2 tools/);
    expect(() => sampleSingleTool([], createRng(5))).toThrow(/no APIs/);
  });
});
