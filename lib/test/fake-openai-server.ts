// An OpenAI-compatible chat-completions server on 127.0.0.1 for tests and benchmarks: the real
// `openai` client talks to it over HTTP. Each scenario scripts it with a responder that sees the
// request (model, messages, tools) and returns a reply, an HTTP error, or nothing at all.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  model: string;
  messages: { role: string; content?: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
  tools?: { type: "function"; function: { name: string; description?: string; parameters?: unknown } }[];
  response_format?: { type: string };
  temperature?: number;
  authorization: string | undefined;
}

export type FakeReply =
  | { content?: string | null; toolCall?: { name: string; arguments: string }; usage?: { prompt: number; completion: number } }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true };

export type FakeResponder = (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeServerOptions {
  respond: FakeResponder;
  /** Added before every answer. */
  latencyMs?: number;
  /** When set, requests must carry `Authorization: Bearer <key>` (else 401). */
  apiKey?: string;
  /** When set, other model names get a 404 like OpenAI's "model_not_found". */
  models?: string[];
  /** POST /v1/embeddings: the vector for one input (default: `fakeEmbedding`), or an HTTP error for the request. */
  embed?: (input: string, model: string) => number[] | { status: number };
}

export interface FakeEmbeddingRequest {
  model: string;
  input: string[];
  authorization: string | undefined;
}

/**
 * A deterministic stand-in for an embedding model: the input's words hashed into `dims` buckets
 * (a bag of words), so texts that share words point the same way.
 */
export function fakeEmbedding(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3) continue;
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  return v;
}

export interface FakeOpenAiServer {
  /** The base URL to configure (ends in /v1). */
  url: string;
  port: number;
  requests: FakeRequest[];
  embeddingRequests: FakeEmbeddingRequest[];
  respond: FakeResponder;
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
};

const apiError = (message: string, type: string, code: string | null = null) => ({ error: { message, type, param: null, code } });

export async function startFakeOpenAiServer(options: FakeServerOptions): Promise<FakeOpenAiServer> {
  const requests: FakeRequest[] = [];
  const embeddingRequests: FakeEmbeddingRequest[] = [];
  let counter = 0;
  const sockets = new Set<import("node:net").Socket>();
  const state = { respond: options.respond };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (req.method === "POST" && req.url?.endsWith("/embeddings")) {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model: string; input: string | string[] };
        const request: FakeEmbeddingRequest = { model: body.model, input: Array.isArray(body.input) ? body.input : [body.input], authorization: req.headers.authorization };
        embeddingRequests.push(request);
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        if (options.apiKey && request.authorization !== `Bearer ${options.apiKey}`) {
          return send(res, 401, apiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
        }
        if (options.models && !options.models.includes(request.model)) {
          return send(res, 404, apiError(`The model \`${request.model}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"));
        }
        const vectors = request.input.map((text) => (options.embed ? options.embed(text, request.model) : fakeEmbedding(text)));
        const failed = vectors.find((x): x is { status: number } => !Array.isArray(x));
        if (failed) return send(res, failed.status, apiError(`scripted ${failed.status}`, "server_error"));
        const tokens = request.input.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
        return send(res, 200, {
          object: "list",
          model: request.model,
          data: (vectors as number[][]).map((embedding, index) => ({ object: "embedding", index, embedding })),
          usage: { prompt_tokens: tokens, total_tokens: tokens },
        });
      }
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return send(res, 404, apiError(`no route ${req.method} ${req.url}`, "invalid_request_error"));
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Omit<FakeRequest, "authorization">;
      const request: FakeRequest = { ...body, authorization: req.headers.authorization };
      requests.push(request);
      const index = counter++;
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (options.apiKey && request.authorization !== `Bearer ${options.apiKey}`) {
        return send(res, 401, apiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
      }
      if (options.models && !options.models.includes(request.model)) {
        return send(res, 404, apiError(`The model \`${request.model}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"));
      }
      const reply = await state.respond(request, index);
      if ("hang" in reply) return; // never answers: the client times out
      if ("status" in reply) return send(res, reply.status, reply.body ?? apiError(`scripted ${reply.status}`, "server_error"), reply.headers);
      const usage = reply.usage ?? { prompt: 100, completion: 20 };
      const toolCalls = reply.toolCall ? [{ id: `call_${index}`, type: "function", function: reply.toolCall }] : undefined;
      send(res, 200, {
        id: `chatcmpl-${index}`,
        object: "chat.completion",
        created: 1_700_000_000,
        model: request.model,
        choices: [{ index: 0, finish_reason: toolCalls ? "tool_calls" : "stop", message: { role: "assistant", content: reply.content ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) } }],
        usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    embeddingRequests,
    get respond() {
      return state.respond;
    },
    set respond(r: FakeResponder) {
      state.respond = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A base URL where nothing listens (a port that was just freed). */
export async function deadEndpointUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

// ── reading a request, for responders ──

/** Tool results the conversation holds so far (how far along this branch is). */
export const toolResults = (r: FakeRequest) => r.messages.filter((m) => m.role === "tool").length;

/** Whether DFSDT's "try something different" prompt is in the conversation (a sibling is being made). */
export const isDiversityRequest = (r: FakeRequest) => r.messages.some((m) => m.role === "user" && typeof m.content === "string" && m.content.includes("every earlier attempt failed"));

/** The offered function names, Finish last. */
export const offeredFunctions = (r: FakeRequest) => (r.tools ?? []).map((t) => t.function.name);

export const callTool = (name: string, args: Record<string, unknown> | string = {}, content: string | null = null): FakeReply => ({
  content,
  toolCall: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) },
});

export const answer = (text: string, content: string | null = null) => callTool("Finish", { return_type: "give_answer", final_answer: text }, content);
export const giveUp = (content: string | null = null) => callTool("Finish", { return_type: "give_up_and_restart" }, content);
