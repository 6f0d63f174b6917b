import { describe, expect, it } from "vitest";
import { changeName, functionNameFor, standardize, standardizeCategory } from "./names";

describe("standardize", () => {
  it("lowercases and replaces separators the ToolBench way", () => {
    expect(standardize("Transportistas de Argentina")).toBe("transportistas_de_argentina");
    expect(standardize("Pack & Send")).toBe("pack_send");
    expect(standardize("/offices/search/:service/:stateIsoCode/:keyword")).toBe("offices_search_service_stateisocode_keyword");
  });
  it("prefixes a leading digit with get_ and trims underscores", () => {
    expect(standardize("_1Forge_")).toBe("get_1forge");
    expect(standardize("***")).toBe("");
  });
  it("keeps the caret, as ToolBench's character class does", () => {
    expect(standardize("a^b")).toBe("a^b");
  });
  it("keeps CJK characters", () => {
    expect(standardize("天气 API")).toBe("天气_api");
  });
});

describe("function names", () => {
  it("renames reserved words", () => {
    expect(changeName("id")).toBe("is_id");
    expect(changeName("name")).toBe("name");
  });
  it("builds <api>_for_<tool> and keeps the last 64 characters", () => {
    expect(functionNameFor("Get Word by Start", "random_word_api")).toBe("get_word_by_start_for_random_word_api");
    const long = functionNameFor("a".repeat(40), "b".repeat(40));
    expect(long).toHaveLength(64);
    expect(long.endsWith("_for_" + "b".repeat(40))).toBe(true);
  });
});

describe("standardizeCategory", () => {
  it("matches ToolBench's directory names", () => {
    expect(standardizeCategory("Artificial Intelligence/Machine Learning")).toBe("Artificial_Intelligence_Machine_Learning");
    expect(standardizeCategory("Business, Software")).toBe("Business_Software");
  });
});
