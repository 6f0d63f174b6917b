// The real openai client against the fake OpenAI-compatible server: replies become engine outputs,
// failures become LlmErrors with clear messages and no keys, retries happen on 429 / 5xx / timeouts.
import { afterEach, describe, expect, it } from "vitest";
import { LlmError } from "@/lib/core/generation/errors";
import { answer, callTool, deadEndpointUrl, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { createLlmClient, type LlmCallReport, type LlmEndpointConfig } from "./llm-client";
import { isEndpointMisconfigured } from "./llm-errors";

const KEY = "sk-test-0123456789abcdef";
let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function endpoint(baseUrl: string, over: Partial<LlmEndpointConfig> = {}): LlmEndpointConfig {
  return { key: `test:${baseUrl}`, name: "fake", baseUrl, model: "fake-model", apiKey: KEY, temperature: 0, concurrency: 4, prices: { prompt: 1, completion: 2 }, ...over };
}

const options = (reports: LlmCallReport[] = []) => ({ timeoutMs: 2000, maxRetries: 2, retryBaseMs: 1, onCall: (r: LlmCallReport) => reports.push(r) });
const FUNCTIONS = [{ name: "Finish", description: "finish", parameters: { type: "object" as const, properties: {}, required: [] } }];
const request = { messages: [{ role: "system" as const, content: "s" }, { role: "user" as const, content: "q" }], functions: FUNCTIONS };

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LlmError);
  return e as LlmError;
}

describe("createLlmClient", () => {
  it("turns a tool call into the engine's function call, sending the functions as tools", async () => {
    server = await startFakeOpenAiServer({ apiKey: KEY, respond: () => ({ ...answer("42", "thinking"), usage: { prompt: 1000, completion: 500 } }) });
    const reports: LlmCallReport[] = [];
    const out = await createLlmClient(endpoint(server.url), options(reports)).llm(request);
    expect(out).toEqual({
      content: "thinking",
      functionCall: { name: "Finish", arguments: JSON.stringify({ return_type: "give_answer", final_answer: "42" }) },
      usage: { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 },
    });
    expect(server.requests[0]!.tools!.map((t) => t.function.name)).toEqual(["Finish"]);
    expect(server.requests[0]!.model).toBe("fake-model");
    // 1000 × $1/M + 500 × $2/M
    expect(reports).toEqual([{ usage: out.usage, costUsd: 0.002, attempts: 1 }]);
  });

  it("sends earlier calls and results as tool_calls and tool messages", async () => {
    server = await startFakeOpenAiServer({ respond: () => callTool("f_for_t", { a: 1 }) });
    await createLlmClient(endpoint(server.url), options()).llm({
      functions: FUNCTIONS,
      messages: [
        { role: "user", content: "q" },
        { role: "assistant", content: null, function_call: { name: "f_for_t", arguments: "{}" } },
        { role: "function", name: "f_for_t", content: '{"error": "", "response": 1}' },
      ],
    });
    const [, assistant, tool] = server.requests[0]!.messages;
    expect(assistant!.tool_calls![0]!.function).toEqual({ name: "f_for_t", arguments: "{}" });
    expect(tool).toMatchObject({ role: "tool", tool_call_id: assistant!.tool_calls![0]!.id });
  });

  it("retries a 429 and a 500, then succeeds", async () => {
    server = await startFakeOpenAiServer({
      respond: (_r, i) => (i === 0 ? { status: 429, headers: { "retry-after-ms": "1" } } : i === 1 ? { status: 500 } : answer("ok")),
    });
    const reports: LlmCallReport[] = [];
    const out = await createLlmClient(endpoint(server.url), options(reports)).llm(request);
    expect(out.functionCall?.name).toBe("Finish");
    expect(server.requests).toHaveLength(3);
    expect(reports.map((r) => r.attempts)).toEqual([3]);
  });

  it("gives up after the retries with the last failure", async () => {
    server = await startFakeOpenAiServer({ respond: () => ({ status: 503 }) });
    const e = await failure(createLlmClient(endpoint(server.url), options()).llm(request));
    expect(e.kind).toBe("server");
    expect(e.message).toMatch(/failed \(503\).*after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it("says a dead endpoint cannot be reached", async () => {
    const e = await failure(createLlmClient(endpoint(await deadEndpointUrl()), options()).llm(request));
    expect(e.kind).toBe("server");
    expect(e.message).toMatch(/cannot be reached at http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it("times out a request that never answers, and retries it", async () => {
    server = await startFakeOpenAiServer({ respond: (_r, i) => (i === 0 ? { hang: true } : answer("late")) });
    const out = await createLlmClient(endpoint(server.url), { ...options(), timeoutMs: 200 }).llm(request);
    expect(out.functionCall?.name).toBe("Finish");
    expect(server.requests).toHaveLength(2);
  });

  it("reports a bad key clearly, without retrying and without the key", async () => {
    server = await startFakeOpenAiServer({ apiKey: "sk-the-right-one-xyz", respond: () => answer("never") });
    const e = await failure(createLlmClient(endpoint(server.url), options()).llm(request));
    expect(e.kind).toBe("auth");
    expect(isEndpointMisconfigured(e)).toBe(true);
    expect(e.message).toMatch(/refused the API key \(401\)/);
    expect(e.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unknown model clearly", async () => {
    server = await startFakeOpenAiServer({ models: ["gpt-real"], respond: () => answer("never") });
    const e = await failure(createLlmClient(endpoint(server.url, { model: "gpt-imaginary" }), options()).llm(request));
    expect(isEndpointMisconfigured(e)).toBe(true);
    expect(e.message).toMatch(/does not know the model "gpt-imaginary"/);
  });

  it("keeps to the endpoint's concurrency limit", async () => {
    let inFlight = 0;
    let most = 0;
    server = await startFakeOpenAiServer({
      respond: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return answer("ok");
      },
    });
    const client = createLlmClient(endpoint(server.url, { key: "limited", concurrency: 2 }), options());
    await Promise.all(Array.from({ length: 8 }, () => client.llm(request)));
    expect(most).toBe(2);
  });

  it("answers plain chats, asking for JSON when told", async () => {
    server = await startFakeOpenAiServer({ respond: () => ({ content: '{"error": "", "response": 1}' }) });
    const r = await createLlmClient(endpoint(server.url), options()).chat([{ role: "user", content: "hi" }], { json: true });
    expect(r.text).toBe('{"error": "", "response": 1}');
    expect(server.requests[0]!.response_format).toEqual({ type: "json_object" });
    expect(server.requests[0]!.tools).toBeUndefined();
  });
});
