import { describe, expect, it } from "vitest";
import { catalogSearchInput, toolSuggestInput } from "./catalog";
import { escapeLikePattern, parseSearchParams, searchParamsToObject } from "./search-params";

describe("searchParamsToObject", () => {
  it("keeps the first value of a repeated key and drops blank values", () => {
    expect(searchParamsToObject(new URLSearchParams("a=1&a=2&b=&c=%20x%20"))).toEqual({ a: "1", c: "x" });
  });
});

describe("escapeLikePattern", () => {
  it("escapes %, _ and backslash", () => {
    expect(escapeLikePattern("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});

describe("catalog search input", () => {
  it("requires a search text", () => {
    expect(parseSearchParams(catalogSearchInput, new URLSearchParams(""))).toEqual({ ok: false, message: "q: q (the search text) is required" });
  });
  it("parses the text and a limit", () => {
    expect(parseSearchParams(catalogSearchInput, new URLSearchParams("q=weather&limit=5"))).toEqual({ ok: true, value: { q: "weather", limit: 5 } });
  });
  it("bounds the tool picker's limit", () => {
    const r = parseSearchParams(toolSuggestInput, new URLSearchParams("limit=1000"));
    expect(r.ok).toBe(false);
  });
});
