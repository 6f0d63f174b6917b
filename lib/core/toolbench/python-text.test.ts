import { describe, expect, it } from "vitest";
import { PyFloat, pyJsonDumps, pyJsonLoadsLenient, pyLength, pyPrefix, pyReplace, pyStrip, pySuffix } from "./python-text";

describe("Python string behaviour", () => {
  it("counts and cuts by code points", () => {
    expect(pyLength("a😀b")).toBe(3);
    expect(pyPrefix("a😀b", 2)).toBe("a😀");
    expect(pyPrefix("abc", 0)).toBe("");
    expect(pySuffix("a😀b", 2)).toBe("😀b");
  });

  it("strips Python's whitespace set, not JavaScript's", () => {
    expect(pyStrip("\x1c\x85 text \u3000")).toBe("text");
    expect(pyStrip("\ufefftext")).toBe("\ufefftext");
  });

  it("replaces every occurrence, and an empty pattern around every code point", () => {
    expect(pyReplace("a-b-c", "-", "+")).toBe("a+b+c");
    expect(pyReplace("ab", "", "x")).toBe("xaxbx");
  });
});

describe("pyJsonDumps", () => {
  it("writes ASCII-only JSON with Python's separators", () => {
    expect(pyJsonDumps({ error: "No such function name: café", response: "" })).toBe('{"error": "No such function name: caf\\u00e9", "response": ""}');
    expect(pyJsonDumps(["😀", "\u007f", "\n\t\"\\"])).toBe('["\\ud83d\\ude00", "\\u007f", "\\n\\t\\"\\\\"]');
  });

  it("indents like json.dumps(indent=2)", () => {
    expect(pyJsonDumps([{ name: "f", "mento-carlo-action-value": new PyFloat(0) }], 2)).toBe(
      '[\n  {\n    "name": "f",\n    "mento-carlo-action-value": 0.0\n  }\n]',
    );
    expect(pyJsonDumps({ a: [], b: {} }, 2)).toBe('{\n  "a": [],\n  "b": {}\n}');
  });

  it("writes floats the way Python's repr does", () => {
    expect(pyJsonDumps([new PyFloat(1), new PyFloat(0.5), new PyFloat(1e-7), new PyFloat(1e16), new PyFloat(-2.5), 3])).toBe("[1.0, 0.5, 1e-07, 1e+16, -2.5, 3]");
    expect(pyJsonDumps(0.25)).toBe("0.25");
  });
});

describe("pyJsonLoadsLenient", () => {
  it("accepts raw control characters inside strings, as strict=False does", () => {
    expect(pyJsonLoadsLenient('{"a": "line\nbreak"}')).toEqual({ ok: true, value: { a: "line\nbreak" } });
  });
  it("fails where Python would raise", () => {
    expect(pyJsonLoadsLenient('{"a": 1,}')).toEqual({ ok: false });
  });
});
