import { describe, expect, it } from "vitest";
import { isEmptyJsonValue, prettyJsonText, prettyJsonValue } from "./json-text";

describe("prettyJsonText", () => {
  it("indents JSON objects", () => {
    expect(prettyJsonText('{"query":"iPhone 14","n":1}')).toEqual({ text: '{\n  "query": "iPhone 14",\n  "n": 1\n}', isJson: true });
  });
  it("returns other text unchanged, including invalid JSON and scalars", () => {
    expect(prettyJsonText("{'a': 1}")).toEqual({ text: "{'a': 1}", isJson: false });
    expect(prettyJsonText("42")).toEqual({ text: "42", isJson: false });
    expect(prettyJsonText("<b>hi</b>")).toEqual({ text: "<b>hi</b>", isJson: false });
  });
});

describe("prettyJsonValue / isEmptyJsonValue", () => {
  it("prints stored values and recognises empty ones", () => {
    expect(prettyJsonValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJsonValue('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect([null, "", [], {}].every(isEmptyJsonValue)).toBe(true);
    expect(isEmptyJsonValue({ a: 1 })).toBe(false);
    expect(isEmptyJsonValue(0)).toBe(false);
  });
});
