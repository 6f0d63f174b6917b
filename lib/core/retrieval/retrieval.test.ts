import { describe, expect, it } from "vitest";
import { buildBm25Index, tokenize } from "./bm25";
import { apiDocument } from "./documents";
import { ndcgAtK, summarizeByGroup } from "./ndcg";

describe("tokenize", () => {
  it("splits camelCase and snake_case, lower-cases, drops stop words and single letters", () => {
    expect(tokenize("getWeatherForecast for the city_name of a Place")).toEqual(["weather", "forecast", "city", "name", "place"]);
  });
});

describe("BM25", () => {
  const docs = [
    { id: "weather", text: "Weather, current weather forecast for a city" },
    { id: "jokes", text: "Jokes, random joke of the day" },
    { id: "stocks", text: "Finance, stock quote for a ticker symbol, daily stock prices" },
    { id: "weather-alerts", text: "Weather, severe weather alerts for a region" },
  ];
  const index = buildBm25Index(docs);

  it("ranks the documents sharing the query's rare words first", () => {
    expect(index.search("what is the forecast in Paris", 4).map((h) => h.id)).toEqual(["weather"]);
    expect(index.search("stock price of AAPL", 2)[0]!.id).toBe("stocks");
    expect(index.search("weather", 4).map((h) => h.id).sort()).toEqual(["weather", "weather-alerts"]);
  });

  it("weights a word by its rarity and saturates repeats", () => {
    const i = buildBm25Index([
      { id: 1, text: "alpha beta" },
      { id: 2, text: "alpha alpha alpha alpha beta" },
      { id: 3, text: "gamma" },
    ]);
    const [top, second] = i.search("alpha", 3);
    expect(top!.id).toBe(2);
    expect(top!.score).toBeLessThan(second!.score * 4); // saturation, not linear in tf
  });

  it("returns nothing for a query without known words, and at most k hits", () => {
    expect(index.search("zzz qqq", 3)).toEqual([]);
    expect(index.search("weather jokes stock", 2)).toHaveLength(2);
  });
});

describe("NDCG@k", () => {
  it("is 1 for a perfect ranking and discounts hits by log2 of their rank", () => {
    expect(ndcgAtK(["a", "b", "c"], new Set(["a", "b"]), 5)).toBeCloseTo(1);
    // one relevant at rank 2 of two relevant: (1/log2 3) / (1 + 1/log2 3)
    expect(ndcgAtK(["x", "a", "y"], new Set(["a", "b"]), 5)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)));
    expect(ndcgAtK(["x", "a"], new Set(["a"]), 1)).toBe(0);
    expect(ndcgAtK(["a"], new Set(), 1)).toBe(0);
  });

  it("averages by group as percentages, with an overall row last", () => {
    const rows = summarizeByGroup([
      { group: "G2", ndcg1: 0, ndcg5: 0.5 },
      { group: "G1", ndcg1: 1, ndcg5: 1 },
      { group: "G1", ndcg1: 0, ndcg5: 0.5 },
    ]);
    expect(rows).toEqual([
      { group: "G1", queries: 2, ndcg1: 50, ndcg5: 75 },
      { group: "G2", queries: 1, ndcg1: 0, ndcg5: 50 },
      { group: "all", queries: 3, ndcg1: (100 * 1) / 3, ndcg5: (100 * 2) / 3 },
    ]);
  });
});

describe("apiDocument", () => {
  it("writes category, tool, API, description, parameters and schema in ToolBench's order", () => {
    const text = apiDocument({
      category: "Data",
      tool: "Weather",
      toolDescription: "Forecasts",
      name: "current",
      description: "Current weather",
      requiredParameters: [{ name: "city", type: "STRING" }],
      optionalParameters: [],
      responseSchema: null,
    });
    expect(text).toBe('Data, Weather, Forecasts, current, Current weather, required_params: [{"name":"city","type":"STRING"}], optional_params: [], return_schema: ');
  });
});
