import { describe, expect, it } from "vitest";
import { readLiteral } from "./literal";
import { parseGeneratedQueries } from "./parse-output";

describe("parseGeneratedQueries", () => {
  it("reads the JSON array that was asked for", () => {
    const reply = JSON.stringify([
      { query: "Track parcel RB1 and find the post office in 75094080.", related_apis: [["Pridnestrovie Post", "Get Track Info"], ["CEP Brazil", "CEP"]] },
      { query: "What is the weather in Oslo tomorrow?", related_apis: [["WeatherHub", "Daily Forecast"]] },
    ]);
    expect(parseGeneratedQueries(reply)).toEqual({
      queries: [
        { query: "Track parcel RB1 and find the post office in 75094080.", relevantApis: [["Pridnestrovie Post", "Get Track Info"], ["CEP Brazil", "CEP"]] },
        { query: "What is the weather in Oslo tomorrow?", relevantApis: [["WeatherHub", "Daily Forecast"]] },
      ],
      problems: [],
    });
  });

  it("reads a fenced reply with prose around it, Python quoting, trailing commas and other key names", () => {
    const reply = [
      "Here are the queries you asked for:",
      "```json",
      "[",
      "  {'Query1': \"I'm planning a trip to Kyoto.\", 'related apis': [['Maps', 'Search'], ('Weather', 'Forecast'),],},",
      '  {"instruction": "Convert 100 EUR to USD.", "relevant APIs": [{"tool_name": "FX", "api_name": "Convert"}]},',
      "]",
      "```",
      "Let me know if you need more!",
    ].join("\n");
    const parsed = parseGeneratedQueries(reply);
    expect(parsed.problems).toEqual([]);
    expect(parsed.queries).toEqual([
      { query: "I'm planning a trip to Kyoto.", relevantApis: [["Maps", "Search"], ["Weather", "Forecast"]] },
      { query: "Convert 100 EUR to USD.", relevantApis: [["FX", "Convert"]] },
    ]);
  });

  it("reads an array wrapped in an object", () => {
    const parsed = parseGeneratedQueries('{"queries": [{"query": "Find cats.", "related_apis": ["Cats", "List"]}]}');
    expect(parsed.queries).toEqual([{ query: "Find cats.", relevantApis: [["Cats", "List"]] }]);
  });

  it("reads ToolBench's text form", () => {
    const reply = [
      "Query1: \"Find the five most popular sites for 'birthday party ideas' and the related keywords.\", 'related apis': [['Keyword Analysis', 'PopularSitesForQuery'], ['Keyword Analysis', 'QueryKeywords']]",
      "Query2: Give me similar queries to 'vegan recipes'.",
      "related apis: [[\"Keyword Analysis\", \"SimilarQueries\"]]",
      "3. Query: A query without APIs",
    ].join("\n");
    const parsed = parseGeneratedQueries(reply);
    expect(parsed.queries).toEqual([
      {
        query: "Find the five most popular sites for 'birthday party ideas' and the related keywords.",
        relevantApis: [["Keyword Analysis", "PopularSitesForQuery"], ["Keyword Analysis", "QueryKeywords"]],
      },
      { query: "Give me similar queries to 'vegan recipes'.", relevantApis: [["Keyword Analysis", "SimilarQueries"]] },
      { query: "A query without APIs", relevantApis: [] },
    ]);
  });

  it("reports what it cannot read", () => {
    const parsed = parseGeneratedQueries('[{"query": "ok", "related_apis": [["A", "b"], 7]}, {"text": "no query key"}, "loose string", {"query": "x"}]');
    expect(parsed.queries).toEqual([
      { query: "ok", relevantApis: [["A", "b"]] },
      { query: "x", relevantApis: [] },
    ]);
    expect(parsed.problems).toEqual(["item 1: unreadable related API 7", "item 2: no query", "item 3: not an object"]);
    expect(parseGeneratedQueries("Sorry, I cannot help with that.")).toEqual({ queries: [], problems: ["no queries found in the reply"] });
  });
});

describe("readLiteral", () => {
  it("reads JSON and Python literals and says where it stopped", () => {
    const text = "{'a': [1, 2.5, True, None], b: \"x\\n\"} tail";
    expect(readLiteral(text)).toEqual({ value: { a: [1, 2.5, true, null], b: "x\n" }, end: text.indexOf(" tail") });
    expect(() => readLiteral("[1, 2")).toThrow(/expected/);
  });
});
