// The tool executors against local servers: real HTTP (address policy, redirects, deadline, size
// cap, RapidAPI headers, status codes), the simulated executor with the fake model, and the chain's
// fallbacks. Loopback is refused unless allow-listed, as the default must be.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { sql } from "@/lib/test/run-fixtures";
import { seedCategory } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { createLlmClient } from "../llm/llm-client";
import type { SolveApi } from "../repositories/solve-inputs";
import { cacheExecutor } from "./cache-executor";
import { createExecutorChain } from "./chain";
import { examplesExecutor } from "./examples-executor";
import { realHttpExecutor, type RealHttpSettings } from "./real-http-executor";
import { simulatedExecutor } from "./simulated-executor";
import type { ToolExecutor } from "./types";

let db: TestDatabase;
let api: http.Server;
let base: string;
let llm: FakeOpenAiServer;
const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  apiId = (await seedCategory("Weather", [{ name: "Weather Hub", apis: [{ name: "Daily Forecast" }] }])).tools["Weather Hub"]!.apiIds["Daily Forecast"]!;
  api = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body });
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const json = (status: number, v: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(v));
      };
      if (path.startsWith("/forecast")) return json(200, { city: "Oslo", temperature: 4, path });
      if (path === "/to-metadata") return json(302, {}, { location: "http://169.254.169.254/latest/meta-data" });
      if (path === "/to-forecast") return json(302, {}, { location: `${base}/forecast` });
      if (path === "/big") return json(200, { data: "x".repeat(10_000) });
      if (path === "/slow") return; // never answers
      if (path === "/denied") return json(401, { message: "Invalid API key" });
      if (path === "/down") return json(500, { error: "boom" });
      json(404, { message: "no such endpoint" });
    });
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  llm = await startFakeOpenAiServer({ respond: (r) => ({ content: r.messages.some((m) => String(m.content).includes("Bergen")) ? "not json at all" : '{"error": "", "response": {"simulated": true}}' }) });
});
afterAll(async () => {
  api.closeAllConnections();
  await new Promise((r) => api.close(r));
  await llm.close();
  await db.drop();
});

let apiId: number;

const apiAt = (path: string, over: Partial<SolveApi> = {}): SolveApi => ({
  apiId, functionName: "daily_forecast_for_weather_hub", category: "Weather", tool: "Weather Hub", toolStandardizedName: "weather_hub", toolDescription: "Weather",
  name: "Daily Forecast", description: "The forecast", method: "GET", url: `${base}${path}`, host: null,
  requiredParameters: [{ name: "city", type: "STRING", description: "", default: "" }], optionalParameters: [],
  responseExample: null, responseSchema: { city: "str" }, ...over,
});

const settings = (over: Partial<RealHttpSettings> = {}): RealHttpSettings => ({ rapidApiKey: undefined, allowList: ["127.0.0.1"], timeoutMs: 2000, maxResponseBytes: 1000, ...over });

async function run(executors: ToolExecutor[], a: SolveApi, args = '{"city": "Oslo"}') {
  const out = await createExecutorChain(executors, new Map([[a.functionName, a]]))(a.functionName, args);
  return { code: out.code, answer: JSON.parse(out.observation) as { error: string; response: unknown } };
}

describe("real HTTP executor", () => {
  it("refuses loopback by default, and calls it once allow-listed (by address or by host name)", async () => {
    const refused = await run([realHttpExecutor(settings({ allowList: [] }))], apiAt("/forecast"));
    expect(refused.code).toBe(12);
    expect(refused.answer.error).toMatch(/refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or reserved address/);
    const viaDns = await run([realHttpExecutor(settings({ allowList: [] }))], apiAt("/forecast", { url: base.replace("127.0.0.1", "localhost") + "/forecast" }));
    expect(viaDns.answer.error).toMatch(/refused: localhost resolves to/);
    expect(await run([realHttpExecutor(settings())], apiAt("/forecast"))).toEqual({ code: 0, answer: { error: "", response: { city: "Oslo", temperature: 4, path: "/forecast" } } });
    expect((await run([realHttpExecutor(settings({ allowList: ["127.0.0.0/8"] }))], apiAt("/forecast"))).code).toBe(0);
  });

  it("fills path parameters, sends the documented names as the query, and caches what worked", async () => {
    const a = apiAt("/forecast/{city}", { optionalParameters: [{ name: "from", type: "STRING", description: "", default: "" }] });
    await run([realHttpExecutor(settings())], a, '{"city": "San José", "is_from": "2024-05-14"}');
    expect(seen.at(-1)!.url).toBe("/forecast/San%20Jos%C3%A9?from=2024-05-14");
    const cached = await sql<{ argsKey: string; source: string }>(`select "argsKey", source from "ApiCacheEntry" where source = 'real'`);
    expect(cached.map((c) => c.argsKey)).toContain('{"city":"San José","is_from":"2024-05-14"}');
  });

  it("follows redirects only to allowed addresses", async () => {
    expect((await run([realHttpExecutor(settings())], apiAt("/to-forecast"))).code).toBe(0);
    const r = await run([realHttpExecutor(settings())], apiAt("/to-metadata"));
    expect(r.code).toBe(12);
    expect(r.answer.error).toMatch(/refused: 169\.254\.169\.254/);
  });

  it("gives ToolBench's codes to timeouts (5), refusals of the key (7) and broken APIs (6)", async () => {
    expect((await run([realHttpExecutor(settings({ timeoutMs: 200 }))], apiAt("/slow"))).code).toBe(5);
    expect((await run([realHttpExecutor(settings())], apiAt("/denied"))).code).toBe(7);
    expect((await run([realHttpExecutor(settings())], apiAt("/down"))).code).toBe(6);
  });

  it("reads at most the size cap", async () => {
    const r = await run([realHttpExecutor(settings({ maxResponseBytes: 1000 }))], apiAt("/big"));
    expect(r.code).toBe(0);
    expect(String(r.answer.response)).toHaveLength(1000);
  });

  it("sends the RapidAPI key and host to RapidAPI APIs, and says when no key is set", async () => {
    const a = apiAt("/forecast", { host: "weather-hub.p.rapidapi.com" });
    const noKey = await run([realHttpExecutor(settings())], a);
    expect(noKey.code).toBe(7);
    expect(noKey.answer.error).toMatch(/no RapidAPI key is set/);
    await run([realHttpExecutor(settings({ rapidApiKey: "rapid-key-123456" }))], a);
    expect(seen.at(-1)!.headers).toMatchObject({ "x-rapidapi-key": "rapid-key-123456", "x-rapidapi-host": "weather-hub.p.rapidapi.com" });
  });
});

describe("the executor chain", () => {
  it("falls back from a failed real call to the examples, and keeps the failure when nothing answers", async () => {
    const refused = realHttpExecutor(settings({ allowList: [] }));
    expect(await run([refused, examplesExecutor()], apiAt("/forecast"))).toEqual({ code: 0, answer: { error: "", response: { city: "string" } } });
    expect((await run([refused], apiAt("/forecast"))).code).toBe(12);
    expect(await run([examplesExecutor()], apiAt("/forecast"), '{"city": ')).toEqual({ code: 2, answer: { error: "Tool input parse error...\n the arguments are not valid JSON", response: "" } });
  });

  it("simulates a call with the model, caches the answer, and answers it from the cache the next time", async () => {
    const client = createLlmClient(
      { key: "sim", name: "sim", baseUrl: llm.url, model: "sim", apiKey: null, temperature: 0, concurrency: 2, prices: { prompt: 0, completion: 0 } },
      { timeoutMs: 2000, maxRetries: 0, retryBaseMs: 1 },
    );
    const a = apiAt("/unused", { functionName: "weather_alerts_for_weather_hub" });
    const chain = [cacheExecutor(), simulatedExecutor(client)];
    const first = await run(chain, a, '{"city": "Oslo"}');
    expect(first).toEqual({ code: 0, answer: { error: "", response: { simulated: true } } });
    const asked = llm.requests.length;
    expect(llm.requests.at(-1)!.response_format).toEqual({ type: "json_object" });
    expect(String(llm.requests.at(-1)!.messages[1]!.content)).toMatch(/API documentation: .*"name":"Daily Forecast"[\s\S]*API input: \{"city": "Oslo"\}/);
    expect(await run(chain, a, '{ "city":"Oslo" }')).toEqual(first);
    expect(llm.requests.length).toBe(asked); // from the cache
    // a simulator that never answers in the asked format fails the call after 3 tries
    const bad = await run(chain, a, '{"city": "Bergen"}');
    expect(bad.code).toBe(12);
    expect(llm.requests.length).toBe(asked + 3);
    const simulated = await sql<{ source: string }>(`select source from "ApiCacheEntry" where "functionName" = 'weather_alerts_for_weather_hub'`);
    expect(simulated).toEqual([{ source: "simulated" }]);
  });
});
