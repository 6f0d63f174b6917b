import { describe, expect, it } from "vitest";
import { parseSearchParams } from "./search-params";
import { deleteSavedViewInput, hasTreeFilters, saveTreeViewInput, savedViewQuery, toTreeListSearch, treeListFilter } from "./trees";

const parse = (qs: string) => parseSearchParams(treeListFilter, new URLSearchParams(qs));
const DEFAULT_VIEW = { sort: "id", dir: "desc", page: 1, pageSize: 50 };

describe("tree list filter", () => {
  it("defaults to the newest trees, 50 a page, with no filters", () => {
    expect(parse("")).toEqual({ ok: true, value: DEFAULT_VIEW });
  });

  it("reads every filter from the URL, numbers as numbers", () => {
    const qs =
      "q=weather+report&group=G2&category=Logistics&tool=12&method=dfsdt&model=ChatGPT&run=3&finish=give_up&valid=no&status=needs_fix&reviewer=7" +
      "&hallucinated=yes&apiError=no&giveUp=yes&sizeMin=10&sizeMax=80&depthMin=2&depthMax=9&sort=errors&dir=asc&page=4&pageSize=20";
    expect(parse(qs)).toEqual({
      ok: true,
      value: {
        q: "weather report", group: "G2", category: "Logistics", tool: 12, method: "dfsdt", model: "ChatGPT", run: 3, finish: "give_up",
        valid: "no", status: "needs_fix", reviewer: 7, hallucinated: "yes", apiError: "no", giveUp: "yes",
        sizeMin: 10, sizeMax: 80, depthMin: 2, depthMax: 9, sort: "errors", dir: "asc", page: 4, pageSize: 20,
      },
    });
  });

  it("treats empty parameters as unset", () => {
    expect(parse("group=&q=%20%20&valid=&sort=")).toEqual({ ok: true, value: DEFAULT_VIEW });
  });

  it("names the parameter and the allowed values when an enum is wrong", () => {
    expect(parse("status=done")).toEqual({ ok: false, message: 'status: status must be one of "unreviewed", "in_review", "approved", "rejected", "needs_fix"' });
    expect(parse("sort=name")).toEqual({ ok: false, message: 'sort: sort must be one of "id", "size", "depth", "calls", "errors"' });
    expect(parse("finish=gave_up")).toEqual({ ok: false, message: 'finish: finish must be one of "give_answer", "give_up", "none"' });
    expect(parse("hallucinated=true")).toEqual({ ok: false, message: 'hallucinated: hallucinated must be one of "yes", "no"' });
  });

  it("rejects malformed numbers and ids", () => {
    expect(parse("tool=abc")).toEqual({ ok: false, message: "tool: tool must be a number" });
    expect(parse("reviewer=0")).toEqual({ ok: false, message: "reviewer: reviewer must be positive" });
    expect(parse("sizeMin=-1")).toEqual({ ok: false, message: "sizeMin: sizeMin must be at least 0" });
    expect(parse("depthMax=2.5")).toEqual({ ok: false, message: "depthMax: depthMax must be a whole number" });
    expect(parse("page=0")).toEqual({ ok: false, message: "page: page must be at least 1" });
    expect(parse("pageSize=500")).toEqual({ ok: false, message: "pageSize: pageSize must be at most 200" });
  });

  it("rejects a range whose minimum is above its maximum", () => {
    expect(parse("sizeMin=50&sizeMax=10")).toEqual({ ok: false, message: "sizeMax: sizeMax must not be below sizeMin" });
    expect(parse("depthMin=5&depthMax=4")).toEqual({ ok: false, message: "depthMax: depthMax must not be below depthMin" });
    expect(parse("sizeMin=10&sizeMax=10")).toMatchObject({ ok: true, value: { sizeMin: 10, sizeMax: 10 } });
  });

  it("rejects unknown parameters so a typo does not silently show everything", () => {
    expect(parse("grup=G1")).toEqual({ ok: false, message: 'unknown parameter "grup"' });
  });

  it("rejects group names outside [A-Za-z0-9_-] and over-long search text", () => {
    expect(parse("group=G1;drop")).toEqual({ ok: false, message: "group: group must be a name such as G1" });
    expect(parse(`q=${"a".repeat(201)}`)).toEqual({ ok: false, message: "q: search text must be at most 200 characters" });
  });
});

describe("toTreeListSearch", () => {
  it("leaves out defaults and keeps a fixed key order", () => {
    expect(toTreeListSearch({ page: 1, pageSize: 50, sort: "id", dir: "desc", status: "approved", group: "G2", q: "a b" })).toBe("q=a+b&group=G2&status=approved");
    expect(toTreeListSearch({ sort: "size", dir: "asc", page: 3, sizeMin: 0 })).toBe("sizeMin=0&sort=size&dir=asc&page=3");
  });

  it("is empty for the default view", () => {
    expect(toTreeListSearch(DEFAULT_VIEW as never)).toBe("");
  });

  it("round-trips every parameter through the parser", () => {
    const filter = {
      q: '"exact phrase" -not', group: "G3", category: "Health_and_Fitness", tool: 9, method: "react", model: "gpt-4o-mini", run: 2, finish: "none",
      valid: "yes", status: "in_review", reviewer: 4, hallucinated: "no", apiError: "yes", giveUp: "no", sizeMin: 1, sizeMax: 2, depthMin: 0, depthMax: 3,
      sort: "calls", dir: "asc", page: 7, pageSize: 100,
    } as const;
    expect(parse(toTreeListSearch(filter))).toEqual({ ok: true, value: filter });
  });
});

describe("hasTreeFilters", () => {
  it("ignores sorting and paging", () => {
    expect(hasTreeFilters({ sort: "size", dir: "asc", page: 3, pageSize: 20 })).toBe(false);
    expect(hasTreeFilters({ depthMin: 0 })).toBe(true);
    expect(hasTreeFilters({ q: "x" })).toBe(true);
  });
});

describe("saved view inputs", () => {
  it("needs a name and a valid tree list query", () => {
    expect(saveTreeViewInput.safeParse({ name: "  My give-ups ", query: "group=G2&finish=give_up" })).toEqual({ success: true, data: { name: "My give-ups", query: "group=G2&finish=give_up" } });
    const blank = saveTreeViewInput.safeParse({ name: "  ", query: "" });
    expect(blank.success ? [] : blank.error.issues.map((i) => i.message)).toEqual(["Give the view a name"]);
    const bad = saveTreeViewInput.safeParse({ name: "x", query: "status=done" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(["The view's filters are not valid tree list filters"]);
  });

  it("stores the filter and sort in canonical order, without the page", () => {
    expect(savedViewQuery("page=5&status=approved&sort=size&group=G1&pageSize=50")).toBe("group=G1&status=approved&sort=size");
  });

  it("deletes by a positive id", () => {
    expect(deleteSavedViewInput.safeParse({ id: 3 }).success).toBe(true);
    expect(deleteSavedViewInput.safeParse({ id: -3 }).success).toBe(false);
  });
});
