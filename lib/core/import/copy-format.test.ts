import { describe, expect, it } from "vitest";
import { copyField, copyLine, jsonText, textArrayLiteral } from "./copy-format";

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

  it("quotes array literals", () => {
    expect(textArrayLiteral(['a', 'b "c"', "d\\e"])).toBe('{"a","b \\"c\\"","d\\\\e"}');
  });
});
