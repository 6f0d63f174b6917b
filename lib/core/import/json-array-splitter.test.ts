import { describe, expect, it } from "vitest";
import { ToolBenchParseError } from "../toolbench/types";
import { JsonArraySplitter, parseArrayElement, type ArrayElement } from "./json-array-splitter";

function split(text: string, chunk = 3): ArrayElement[] {
  const s = new JsonArraySplitter();
  const out: ArrayElement[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...s.push(text.slice(i, i + chunk)));
  s.end();
  return out;
}

describe("JsonArraySplitter", () => {
  it("finds every element whatever the chunk boundaries, strings and nesting", () => {
    const data = [{ query: 'a "quoted" ], { and \\ backslash', n: [1, [2, {}]] }, "x,y]", 3, null, { nested: { deep: ["]"] } }];
    const text = JSON.stringify(data, null, 2);
    for (const size of [1, 2, 7, 64, text.length]) {
      const els = split(text, size);
      expect(els.map((e) => JSON.parse(e.text))).toEqual(data);
      expect(els.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it("knows the line each element starts on", () => {
    const els = split('[\n  {"a": 1},\n  {"b":\n 2},\n  3\n]');
    expect(els.map((e) => e.line)).toEqual([2, 3, 5]);
  });

  it("accepts an empty array and rejects malformed ones", () => {
    expect(split("[ ]")).toEqual([]);
    expect(() => split("[1,,2]")).toThrow(/empty element/);
    expect(() => split("[1,2,]")).toThrow(/trailing comma/);
    expect(() => split('{"a": 1}')).toThrow(/expected a JSON array/);
    expect(() => split("[1, 2")).toThrow(/ends before its array is closed/);
    expect(() => split("[1] x")).toThrow(/after the end/);
  });

  it("locates a bad element in the whole file", () => {
    const [, bad] = split('[\n{"query": "a"},\n{"query": "b" "c"}\n]');
    try {
      parseArrayElement(bad!);
      throw new Error("expected an error");
    } catch (err) {
      expect(err).toBeInstanceOf(ToolBenchParseError);
      expect((err as ToolBenchParseError).location).toBe("line 3, column 15 (element $[1])");
    }
  });
});
