import { describe, expect, it } from "vitest";
import { copyField, copyLine, jsonField, jsonText, textArrayLiteral } from "./copy-format";

/** What Postgres reads back from a COPY text field (the escapes this writer uses). */
const unescapeCopy = (s: string) => s.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);

describe("COPY text format", () => {
  it("escapes backslashes and line breaks, and writes NULL as \\N", () => {
    expect(copyField('a\\b\nc\rd\te')).toBe("a\\\\b\\nc\\rd\\te");
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(12)).toBe("12");
    expect(copyField(Number.NaN)).toBe("\\N");
  });

  it("replaces U+0000, which Postgres text cannot hold", () => {
    expect(copyField("a\u0000b")).toBe("a\uFFFDb");
    expect(jsonText({ s: "a\u0000b" })).toBe('{"s":"a\\ufffdb"}');
  });

  it("leaves ordinary text untouched", () => {
    const s = 'The "final" answer: 42 — ok';
    expect(copyField(s)).toBe(s);
  });

  it("joins fields with tabs and ends lines with a newline", () => {
    expect(copyLine([1, "x\ty", null])).toBe("1\tx\\ty\t\\N\n");
  });

  it("escapes every special character wherever it stands, and reads back unchanged", () => {
    const samples = ["\\", "\\\\n", "a\\nb", "\t\t\\\r\n", "tail\\", "\\\u0000\n", "plain"];
    for (const s of samples) {
      const field = copyField(s);
      expect(field).not.toMatch(/[\n\r\t\u0000]/);
      expect(unescapeCopy(field)).toBe(s.replace(/\u0000/g, "\uFFFD"));
    }
  });

  it("writes JSON values as fields that read back as the same JSON", () => {
    const value = { q: 'say "hi"\n\tnow', path: "C:\\tmp\\x", nul: "a\u0000b", n: [1, null] };
    const field = jsonField(value).copy;
    expect(field).not.toMatch(/[\n\r\t]/);
    expect(JSON.parse(unescapeCopy(field))).toEqual({ ...value, nul: "a\uFFFDb" });
    expect(jsonField(undefined).copy).toBe("\\N");
    expect(jsonField(null).copy).toBe("null");
    expect(copyLine([1, jsonField({ a: "\\" }), null])).toBe('1\t{"a":"\\\\\\\\"}\t\\N\n');
  });

  it("quotes array literals", () => {
    expect(textArrayLiteral(['a', 'b "c"', "d\\e"])).toBe('{"a","b \\"c\\"","d\\\\e"}');
  });
});
