import { describe, expect, it } from "vitest";
import { pyRepr } from "./python-repr";

// Python's repr of a string, character by character (what `pyRepr` must write, however it gets there).
function reprByCharacter(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

// The straightforward recursive writer, for values.
function reprByValue(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isNaN(v) ? "nan" : !Number.isFinite(v) ? (v > 0 ? "inf" : "-inf") : String(v);
  if (typeof v === "string") return reprByCharacter(v);
  if (Array.isArray(v)) return `[${v.map(reprByValue).join(", ")}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${reprByCharacter(k)}: ${reprByValue(x)}`)
    .join(", ")}}`;
}

describe("pyRepr", () => {
  it("writes values as Python's str() of a list of dicts does", () => {
    expect(pyRepr([{ name: "f", required: [], n: 1.5, ok: true, no: false, none: null }])).toBe("[{'name': 'f', 'required': [], 'n': 1.5, 'ok': True, 'no': False, 'none': None}]");
    expect(pyRepr("it's")).toBe(`"it's"`);
    expect(pyRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyRepr("a\\b\n\t\r\u0001\u007f\u0085é😀")).toBe("'a\\\\b\\n\\t\\r\\x01\\x7f\\x85é😀'");
  });

  it("escapes strings exactly as the character-by-character rules say", () => {
    const alphabet = ["a", " ", "'", '"', "\\", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0080", "\u009f", "\u00a0", "é", "\ud83d\ude00", "\ud800", "\udfff", "x"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      let s = "";
      for (let n = next() % 12; n > 0; n--) s += alphabet[next() % alphabet.length];
      expect(pyRepr(s), JSON.stringify(s)).toBe(reprByCharacter(s));
      expect(pyRepr({ [s]: s })).toBe(`{${reprByCharacter(s)}: ${reprByCharacter(s)}}`);
    }
  });

  it("writes nested lists and dicts as the recursive rules say", () => {
    const value = [
      { name: "search_for_t", description: "It's \"here\"", parameters: { type: "object", properties: { q: { type: "string", example_value: "a\nb" } }, required: ["q"], optional: [] } },
      [1, -2.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, [], {}, [null, true, false]],
      { "": "", "1": { "2": [{}] } },
    ];
    expect(pyRepr(value)).toBe(reprByValue(value));
  });
});
