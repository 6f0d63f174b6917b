import { describe, expect, it } from "vitest";
import { instructionListFilter, hasInstructionFilters, toInstructionListSearch } from "./instructions";
import { parseSearchParams } from "./search-params";

const parse = (qs: string) => parseSearchParams(instructionListFilter, new URLSearchParams(qs));

describe("instruction list filters", () => {
  it("defaults to the first page of 50 with no filters", () => {
    expect(parse("")).toEqual({ ok: true, value: { page: 1, pageSize: 50 } });
  });

  it("reads every filter from the URL, numbers as numbers", () => {
    expect(parse("q=iphone+news&group=G1&category=Logistics&tool=12&source=a%2Fb.json&run=3&hasTree=yes&page=4&pageSize=20")).toEqual({
      ok: true,
      value: { q: "iphone news", group: "G1", category: "Logistics", tool: 12, source: "a/b.json", run: 3, hasTree: "yes", page: 4, pageSize: 20 },
    });
  });

  it("treats empty parameters as unset", () => {
    expect(parse("group=&q=%20%20&hasTree=")).toEqual({ ok: true, value: { page: 1, pageSize: 50 } });
  });

  it("rejects a page below 1 with a message naming the parameter", () => {
    expect(parse("page=0")).toEqual({ ok: false, message: "page: page must be at least 1" });
  });

  it("rejects non-numeric tool ids and bad hasTree values", () => {
    const r = parse("tool=abc&hasTree=maybe");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("tool: tool must be a number");
      expect(r.message).toContain('hasTree: hasTree must be "yes" or "no"');
    }
  });

  it("rejects page sizes above the maximum", () => {
    expect(parse("pageSize=500")).toEqual({ ok: false, message: "pageSize: pageSize must be at most 200" });
  });

  it("rejects unknown parameters so typos do not silently show everything", () => {
    expect(parse("grup=G1")).toEqual({ ok: false, message: 'unknown parameter "grup"' });
  });

  it("rejects group names with characters outside [A-Za-z0-9_-]", () => {
    expect(parse("group=G1;drop")).toEqual({ ok: false, message: "group: group must be a name such as G1" });
  });
});

describe("toInstructionListSearch", () => {
  it("leaves out defaults and keeps a fixed key order", () => {
    expect(toInstructionListSearch({ page: 1, pageSize: 50, hasTree: "no", group: "G2", q: "a b" })).toBe("q=a+b&group=G2&hasTree=no");
  });

  it("round-trips through the parser", () => {
    const filter = { q: "x", tool: 7, source: "G1_query.json", page: 3, pageSize: 50 };
    expect(parse(toInstructionListSearch(filter))).toEqual({ ok: true, value: filter });
  });

  it("is empty for the default view", () => {
    expect(toInstructionListSearch({ page: 1, pageSize: 50 })).toBe("");
  });
});

describe("hasInstructionFilters", () => {
  it("ignores paging", () => {
    expect(hasInstructionFilters({ page: 3, pageSize: 20 })).toBe(false);
    expect(hasInstructionFilters({ page: 1, hasTree: "yes" })).toBe(true);
  });
});
