import { describe, expect, it } from "vitest";
import { checkArguments, functionSpecFromSchema, parameterSpecsFromCatalog, type ParameterSpec } from "./argument-check";

describe("parameterSpecsFromCatalog", () => {
  it("names and types parameters the way ToolBench offered them to the model", () => {
    expect(
      parameterSpecsFromCatalog(
        [
          { name: "id", type: "NUMBER", description: "", default: "" },
          { name: "Tracking Number", type: "STRING", description: "", default: "" },
        ],
        [
          { name: "is_full", type: "BOOLEAN", description: "", default: true },
          { name: "from", type: "DATE (YYYY-MM-DD)", description: "", default: "" },
          { name: "limit", type: "number", description: "", default: 10 },
          { name: "tags", type: "ARRAY", description: "", default: "" },
        ],
      ),
    ).toEqual([
      { name: "is_id", type: "integer", required: true },
      { name: "tracking_number", type: "string", required: true },
      { name: "is_full", type: "boolean", required: false },
      { name: "is_from", type: "string", required: false },
      // only upper-case NUMBER maps to integer, as in ToolBench's map_type
      { name: "limit", type: "string", required: false },
      { name: "tags", type: "string", required: false },
    ]);
  });

  it("skips malformed entries", () => {
    expect(parameterSpecsFromCatalog([{ type: "STRING" }, "x"], null)).toEqual([]);
  });
});

describe("functionSpecFromSchema", () => {
  it("reads an offered function in ToolBench's and in the tools format", () => {
    const fn = {
      name: "products_for_seo_api",
      parameters: { type: "object", properties: { query: { type: "string" }, page: { type: "integer" } }, required: ["query"], optional: ["page"] },
    };
    const expected = {
      name: "products_for_seo_api",
      parameters: [
        { name: "query", type: "string", required: true },
        { name: "page", type: "integer", required: false },
      ],
    };
    expect(functionSpecFromSchema(fn)).toEqual(expected);
    expect(functionSpecFromSchema({ type: "function", function: fn })).toEqual(expected);
    expect(functionSpecFromSchema({ name: "Finish" })).toEqual({ name: "Finish", parameters: [] });
    expect(functionSpecFromSchema({ description: "no name" })).toBeNull();
  });
});

const params: ParameterSpec[] = [
  { name: "is_id", type: "integer", required: true },
  { name: "query", type: "string", required: true },
  { name: "is_full", type: "boolean", required: false },
  { name: "ratio", type: "number", required: false },
];

describe("checkArguments", () => {
  it("finds nothing wrong with matching arguments", () => {
    expect(checkArguments('{"is_id": 3, "query": "iPhone", "is_full": false, "ratio": 0.5}', params)).toEqual([]);
    expect(checkArguments('{"is_id": 3, "query": "x", "ratio": 2}', params)).toEqual([]);
  });

  it("reports missing required parameters", () => {
    expect(checkArguments('{"query": "iPhone"}', params)).toEqual([{ kind: "missing", name: "is_id", message: 'Required parameter "is_id" is missing.' }]);
    expect(checkArguments("", params).map((i) => i.kind)).toEqual(["missing", "missing"]);
  });

  it("reports unknown names, pointing at the standardized name the model probably meant", () => {
    expect(checkArguments('{"id": 3, "query": "x", "Query ": "y", "page": 2}', params)).toEqual([
      { kind: "missing", name: "is_id", message: 'Required parameter "is_id" is missing.' },
      { kind: "unknown", name: "id", suggestion: "is_id", message: '"id" is not a parameter of this function (the function\'s parameter is "is_id").' },
      { kind: "unknown", name: "Query ", suggestion: "query", message: '"Query " is not a parameter of this function (the function\'s parameter is "query").' },
      { kind: "unknown", name: "page", suggestion: null, message: '"page" is not a parameter of this function.' },
    ]);
  });

  it("reports values of the wrong type", () => {
    expect(checkArguments('{"is_id": "24680", "query": 5, "is_full": "true", "ratio": "0.5"}', params)).toEqual([
      { kind: "wrong_type", name: "is_id", expected: "integer", actual: "string", message: '"is_id" should be an integer, got string "24680".' },
      { kind: "wrong_type", name: "query", expected: "string", actual: "integer", message: '"query" should be a string, got integer 5.' },
      { kind: "wrong_type", name: "is_full", expected: "boolean", actual: "string", message: '"is_full" should be a boolean, got string "true".' },
      { kind: "wrong_type", name: "ratio", expected: "number", actual: "string", message: '"ratio" should be a number, got string "0.5".' },
    ]);
    expect(checkArguments('{"is_id": 40.7, "query": null}', params).map((i) => i.kind === "wrong_type" && i.actual)).toEqual(["number", "null"]);
  });

  it("checks parameters called like object members by their own name", () => {
    expect(checkArguments('{"constructor": 1, "query": "x", "is_id": 1}', params)).toEqual([
      { kind: "unknown", name: "constructor", suggestion: null, message: '"constructor" is not a parameter of this function.' },
    ]);
    expect(checkArguments('{"query": "x"}', [{ name: "toString", type: "string", required: true }, ...params.slice(1)])[0]).toMatchObject({ kind: "missing", name: "toString" });
  });

  it("reports arguments that are not a JSON object", () => {
    expect(checkArguments("{'query': 'x'}", params)).toEqual([{ kind: "not_json", message: "The arguments are not valid JSON: it is written in Python syntax." }]);
    expect(checkArguments('{"query": "x"', params)).toEqual([{ kind: "not_json", message: "The arguments are not valid JSON: the text ends before the JSON does." }]);
    expect(checkArguments("query=x", params)).toEqual([{ kind: "not_json", message: 'The arguments are not valid JSON: unexpected "q" at character 1.' }]);
    expect(checkArguments('["x"]', params)).toEqual([{ kind: "not_object", message: "The arguments are an array, not a JSON object of named parameters." }]);
    expect(checkArguments("null", params)[0]!.message).toBe("The arguments are null, not a JSON object of named parameters.");
  });
});
