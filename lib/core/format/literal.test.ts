import { describe, expect, it } from "vitest";
import { parseLiteral, readEmbedded, toPlainValue, type LiteralNode } from "./literal";

const ok = (text: string) => {
  const r = parseLiteral(text);
  if (!r.ok) throw new Error(`expected ${text} to read: ${r.error}`);
  return r;
};

describe("parseLiteral", () => {
  it("reads JSON", () => {
    const r = ok('{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true}, "e": "x\\ny\\u00e9"}');
    expect(r).toMatchObject({ complete: true, syntax: "json" });
    expect(r.value).toEqual({ a: [1, 2.5, -300], b: { c: null, d: true }, e: "x\nyé" });
  });

  it("reads Python literals: single quotes, True/False/None, tuples, trailing commas, non-string keys", () => {
    const r = ok("{'name': 'Cal\\u00e9donie', 'ok': True, 'none': None, 'pair': (1, 'b'), 1: 'one', 'list': [1, 2,],}");
    expect(r).toMatchObject({ complete: true, syntax: "python" });
    expect(r.value).toEqual({ name: "Calédonie", ok: true, none: null, pair: [1, "b"], 1: "one", list: [1, 2] });
    expect(ok("[1, 2,]").syntax).toBe("python");
    expect(ok("b'bytes'").value).toBe("bytes");
  });

  it("accepts raw control characters inside strings, as Python's json.loads(strict=False) does", () => {
    expect(ok('{"a": "line\nbreak"}')).toMatchObject({ value: { a: "line\nbreak" }, syntax: "json", complete: true });
  });

  it("reads text cut short as far as it goes and marks it", () => {
    const r = ok('{"error": "", "response": "[{\\"id\\": 1}, {\\"id\\": 2, \\"na');
    expect(r.complete).toBe(false);
    expect(r.value).toEqual({ error: "", response: '[{"id": 1}, {"id": 2, "na' });
    const node = r.node as Extract<LiteralNode, { type: "object" }>;
    expect(node.cut).toBe(true);
    expect(node.entries[1]!.value).toEqual({ type: "string", value: '[{"id": 1}, {"id": 2, "na', cut: true });
  });

  it("drops an entry whose value never started, and a word cut short", () => {
    expect(ok('{"a": 1, "b": ').value).toEqual({ a: 1 });
    expect(ok('{"a": 1, "b"').value).toEqual({ a: 1 });
    expect(ok("[True, Fa").value).toEqual([true]);
    expect(ok("[1, 2").complete).toBe(false);
  });

  it("treats ToolBench's trailing '...' as the mark of a cut", () => {
    const r = ok("{'products': [{'asin': 'B0B'}, {'asin': 'B0C', 'title': 'Apple'}, ...");
    expect(r.complete).toBe(false);
    expect(r.value).toEqual({ products: [{ asin: "B0B" }, { asin: "B0C", title: "Apple" }] });
    expect(ok('"abc...').value).toBe("abc");
  });

  it("rejects text that is not a literal, with where it went wrong", () => {
    expect(parseLiteral("<html>")).toEqual({ ok: false, error: 'unexpected "<" at character 1' });
    expect(parseLiteral('{"a" 1}')).toEqual({ ok: false, error: 'expected ":" at character 6' });
    expect(parseLiteral("[1] [2]")).toEqual({ ok: false, error: "unexpected text after the value at character 5" });
    expect(parseLiteral("datetime.date(2023, 1, 1)").ok).toBe(false);
    expect(parseLiteral("   ")).toEqual({ ok: false, error: "there is no value" });
  });

  it("stops at absurd nesting instead of overflowing the stack", () => {
    expect(parseLiteral("[".repeat(10_000))).toMatchObject({ ok: false, error: expect.stringContaining("too deeply nested") });
  });

  it("gives plain values without a prototype, so keys such as __proto__ stay data", () => {
    const v = ok('{"__proto__": {"x": 1}, "constructor": 2}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.keys(v)).toEqual(["__proto__", "constructor"]);
    expect(toPlainValue({ type: "number", text: "NaN" })).toBeNaN();
  });
});

describe("readEmbedded", () => {
  it("reads strings holding JSON or Python literals, and leaves other strings alone", () => {
    const r = ok(`{"error": "", "response": "{'a': [1, 2]}", "note": "plain {text}", "json": "[\\"x\\"]"}`);
    const node = readEmbedded(r.node) as Extract<LiteralNode, { type: "object" }>;
    const [, response, note, json] = node.entries;
    expect(response!.value).toMatchObject({ type: "string", embedded: { type: "object", cut: false } });
    expect(toPlainValue((response!.value as { embedded: LiteralNode }).embedded)).toEqual({ a: [1, 2] });
    expect(note!.value).not.toHaveProperty("embedded");
    expect(toPlainValue((json!.value as { embedded: LiteralNode }).embedded)).toEqual(["x"]);
  });

  it("reads an embedded value that was cut with its string", () => {
    const r = ok(`{"response": "{'products': [{'asin': 'B0B'}, {'asin': 'B0`);
    const response = (readEmbedded(r.node) as Extract<LiteralNode, { type: "object" }>).entries[0]!.value;
    expect(response).toMatchObject({ type: "string", cut: true, embedded: { type: "object", cut: true } });
    expect(toPlainValue((response as { embedded: LiteralNode }).embedded)).toEqual({ products: [{ asin: "B0B" }, { asin: "B0" }] });
  });
});
