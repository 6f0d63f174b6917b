import { describe, expect, it } from "vitest";
import { buildInstructionApiEntries, readRelevantApis, readSampledApis, type CatalogApiMatch } from "./instruction-apis";

const match = (apiId: number, toolName: string, apiName: string, extra: Partial<CatalogApiMatch> = {}): CatalogApiMatch => ({
  apiId,
  apiName,
  functionName: `${apiName.toLowerCase()}_for_${toolName.toLowerCase()}`,
  toolName,
  toolStandardizedName: toolName.toLowerCase(),
  categoryName: "Logistics",
  categoryStandardizedName: "Logistics",
  relevant: null,
  ...extra,
});

describe("readSampledApis / readRelevantApis", () => {
  it("reads well-formed entries and skips malformed ones", () => {
    expect(readSampledApis([{ category: "Data", tool: "T", api: "a" }, { tool: "T" }, null, "x", { tool: "U", api: "b" }])).toEqual([
      { category: "Data", tool: "T", api: "a" },
      { category: "", tool: "U", api: "b" },
    ]);
    expect(readSampledApis({})).toEqual([]);
    expect(readRelevantApis([["T", "a"], ["T"], [1, 2], "x"])).toEqual([["T", "a"]]);
  });
});

describe("buildInstructionApiEntries", () => {
  it("marks relevant entries by standardized tool name and links catalog matches", () => {
    const entries = buildInstructionApiEntries({
      sampled: [
        { category: "Logistics", tool: "SQUAKE", api: "Checkhealth" },
        { category: "Logistics", tool: "SQUAKE", api: "Projects" },
      ],
      relevant: [["squake", "Projects"]],
      matches: [match(1, "SQUAKE", "Checkhealth"), match(2, "SQUAKE", "Projects")],
    });
    expect(entries.map((e) => [e.api, e.relevant, e.origin, e.catalog?.apiId])).toEqual([
      ["Checkhealth", false, "sampled", 1],
      ["Projects", true, "sampled", 2],
    ]);
  });

  it("prefers the match in the entry's own category when a tool name exists in two", () => {
    const [entry] = buildInstructionApiEntries({
      sampled: [{ category: "Health and Fitness", tool: "BMI", api: "calc" }],
      relevant: [],
      matches: [
        match(7, "BMI", "calc", { categoryName: "Medical", categoryStandardizedName: "Medical" }),
        match(8, "BMI", "calc", { categoryName: "Health and Fitness", categoryStandardizedName: "Health_and_Fitness" }),
      ],
    });
    expect(entry?.catalog?.apiId).toBe(8);
  });

  it("adds relevant APIs missing from the sample and APIs linked only in the database", () => {
    const entries = buildInstructionApiEntries({
      sampled: [{ category: "Logistics", tool: "SQUAKE", api: "Checkhealth" }],
      relevant: [["SQUAKE", "Projects"]],
      matches: [match(1, "SQUAKE", "Checkhealth", { relevant: false }), match(3, "SQUAKE", "Calculate", { relevant: true })],
    });
    expect(entries.map((e) => [e.api, e.relevant, e.origin, e.catalog?.apiId ?? null])).toEqual([
      ["Checkhealth", false, "sampled", 1],
      ["Projects", true, "relevant", null],
      ["Calculate", true, "linked", 3],
    ]);
  });

  it("lists a repeated sample entry once", () => {
    const entries = buildInstructionApiEntries({
      sampled: [
        { category: "Logistics", tool: "SQUAKE", api: "Checkhealth" },
        { category: "Logistics", tool: "SQUAKE", api: "Checkhealth" },
      ],
      relevant: [],
      matches: [],
    });
    expect(entries).toHaveLength(1);
  });
});
