import { describe, expect, it } from "vitest";
import { buildApiRequest } from "./api-request";
import { classifyResponse, classifyStoredAnswer, failureAnswer, observationText } from "./api-response";
import { locateCacheFile, readCacheFile } from "./cache-file";
import { canonicalJson, parseCallArguments } from "./canonical-json";
import { costOf, readPriceTable } from "./cost";
import { exampleAnswer, fillSchema } from "./example-response";
import { buildSimulationPrompt, readSimulatedReply } from "./simulation-prompt";

describe("canonical arguments", () => {
  it("sorts keys at every level and keeps value types", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}');
    expect(parseCallArguments('{ "city": "Oslo", "days": 3 }')).toEqual({ ok: true, args: { city: "Oslo", days: 3 }, key: '{"city":"Oslo","days":3}' });
    expect(parseCallArguments("{\"days\": 3, \"city\": \"Oslo\"}")).toMatchObject({ key: '{"city":"Oslo","days":3}' });
    expect(parseCallArguments('{"days": "3"}')).toMatchObject({ key: '{"days":"3"}' });
  });

  it("reads empty arguments as none and refuses what is not a JSON object", () => {
    expect(parseCallArguments("  ")).toEqual({ ok: true, args: {}, key: "{}" });
    expect(parseCallArguments('{"city": "Oslo"')).toEqual({ ok: false, reason: "the arguments are not valid JSON" });
    expect(parseCallArguments("[1, 2]")).toEqual({ ok: false, reason: "the arguments are not a JSON object" });
    // raw newlines inside strings, as Python's json.loads(strict=False) accepts
    expect(parseCallArguments('{"text": "two\nlines"}')).toMatchObject({ ok: true, args: { text: "two\nlines" } });
  });
});

describe("StableToolBench cache files", () => {
  it("locate the API from the path", () => {
    expect(locateCacheFile("tool_response_cache/Data/zoopla_for_Data/properties_get_broadband.json")).toEqual({
      category: "Data", tool: "zoopla", api: "properties_get_broadband", functionName: "properties_get_broadband_for_zoopla",
    });
    expect(locateCacheFile("Data/zoopla/x.json")).toBeUndefined();
    expect(locateCacheFile("x.json")).toBeUndefined();
  });

  it("turn Python-repr keys into canonical JSON", () => {
    const r = readCacheFile({
      "{'listing_id': 56354192}": { error: "", response: "ok" },
      "{'q': 'it\\'s', 'ok': False, 'n': 1.5}": { error: "Message error...", response: "" },
      "{'cut": { error: "", response: 1 },
      "{'a': 1}": "not an answer",
    });
    expect(r.entries).toEqual([
      { argsKey: '{"listing_id":56354192}', answer: { error: "", response: "ok" } },
      { argsKey: '{"n":1.5,"ok":false,"q":"it\'s"}', answer: { error: "Message error...", response: "" } },
    ]);
    expect(r.problems).toHaveLength(2);
  });
});

describe("API answers", () => {
  it("are written as ToolBench writes observations", () => {
    expect(observationText({ error: "", response: { city: "Zürich" } })).toBe('{"error": "", "response": {"city": "Z\\u00fcrich"}}');
    expect(failureAnswer("timeout", "after 15 s")).toEqual({ answer: { error: "Timeout error... after 15 s", response: "" }, code: 5 });
  });

  it("get ToolBench's status codes from their text and HTTP status", () => {
    expect(classifyResponse({ data: [1] }, 200).code).toBe(0);
    expect(classifyResponse("Your Client (working) ---> Gateway (working) ---> API (not working)", 200).code).toBe(6);
    expect(classifyResponse({ message: "You are not subscribed to this API." }, 403).code).toBe(7);
    expect(classifyResponse({ message: "You are not subscribed to this API." }, 200).code).toBe(8);
    expect(classifyResponse("Too many requests", 200).code).toBe(9);
    expect(classifyResponse({ message: "You have exceeded the rate limit per minute for your plan" }, 200).code).toBe(10);
    expect(classifyResponse({ message: "Invalid city" }, 200).code).toBe(11);
    expect(classifyResponse({ message: "ok", data: [1], total: 1 }, 200).code).toBe(0); // real data that carries a message
    expect(classifyResponse("", 404).code).toBe(6);
    expect(classifyStoredAnswer({ error: "", response: 1 })).toBe(0);
    expect(classifyStoredAnswer({ error: "Rate limit per minute error...", response: "" })).toBe(10);
    expect(classifyStoredAnswer({ error: "city is required", response: "" })).toBe(11);
  });
});

describe("real API requests", () => {
  const api = {
    url: "https://weather.p.rapidapi.com/forecast/{city}",
    method: "GET",
    host: "weather.p.rapidapi.com",
    requiredParameters: [{ name: "city", type: "STRING" }],
    optionalParameters: [{ name: "from", type: "STRING" }, { name: "Units", type: "STRING" }],
  };

  it("fill the path, map standardized names back, and add RapidAPI headers", () => {
    const r = buildApiRequest(api, { city: "New York", is_from: "2024-05-14", units: "metric", extra: 1 }, "key-123");
    expect(r).toEqual({
      ok: true,
      needsRapidApiKey: true,
      request: {
        url: "https://weather.p.rapidapi.com/forecast/New%20York?from=2024-05-14&Units=metric&extra=1",
        method: "GET",
        headers: expect.objectContaining({ "X-RapidAPI-Key": "key-123", "X-RapidAPI-Host": "weather.p.rapidapi.com" }),
      },
    });
  });

  it("send other methods' arguments as a JSON body, and say when there is no URL", () => {
    const r = buildApiRequest({ ...api, url: "https://example.com/orders", method: "POST", host: null }, { item: "book", qty: 2 }, undefined);
    expect(r).toMatchObject({ ok: true, needsRapidApiKey: false, request: { method: "POST", body: '{"item":"book","qty":2}' } });
    expect(buildApiRequest({ ...api, url: null }, {}, undefined)).toEqual({ ok: false, reason: "the catalog has no URL for this API" });
  });
});

describe("examples and simulation", () => {
  it("answer from a stored example, else from the schema", () => {
    expect(fillSchema({ name: "str", n: "int", tags: ["str"], nested: [{ ok: "bool" }], other: "whatever" })).toEqual({ name: "string", n: 0, tags: ["string"], nested: [{ ok: false }], other: "whatever" });
    expect(exampleAnswer({ responseExample: { a: 1 }, responseSchema: { a: "int" } })).toEqual({ error: "", response: { a: 1 } });
    expect(exampleAnswer({ responseExample: null, responseSchema: { a: "int" } })).toEqual({ error: "", response: { a: 0 } });
    expect(exampleAnswer({ responseExample: null, responseSchema: {} })).toBeUndefined();
  });

  it("prompt with the documentation, at most 5 examples and the input, and read the reply", () => {
    const examples = Array.from({ length: 7 }, (_, i) => ({ args: `{"i":${i}}`, answer: { error: "", response: i } }));
    const [system, user] = buildSimulationPrompt(
      { toolName: "W", toolDescription: "Weather", apiName: "Forecast", apiDescription: "d", requiredParameters: [], optionalParameters: [] },
      examples,
      '{"city": "Oslo"}',
    );
    expect(system!.content).toMatch(/"error": "", "response"/);
    expect(user!.content).toContain('{"input":{"i":4},"output":{"error":"","response":4}}');
    expect(user!.content).not.toContain('{"i":5}');
    expect(user!.content).toMatch(/API input: \{"city": "Oslo"\}$/);
    expect(readSimulatedReply('Sure! {"error": "", "response": {"t": 4}}')).toEqual({ error: "", response: { t: 4 } });
    expect(readSimulatedReply("no json")).toBeUndefined();
  });
});

describe("costs", () => {
  it("are counted per call from the price table (USD per million tokens)", () => {
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 500_000 }, { prompt: 0.15, completion: 0.6 })).toBeCloseTo(0.45, 6);
    expect(readPriceTable({ prompt: 1 })).toEqual({ prompt: 1, completion: 0 });
    expect(readPriceTable("nonsense")).toEqual({ prompt: 0, completion: 0 });
  });
});
