// An OpenAI-compatible endpoint as the engine's Llm (tools / tool_calls on the wire, function calls
// in the tree) and as a plain chat for instruction generation and the simulated executor. Every call
// goes through the endpoint's process-wide semaphore, is retried with backoff on 429 / 5xx /
// timeouts / dropped connections, and reports its tokens and cost.
import OpenAI from "openai";
import { fromToolStyleReply, toToolStyleRequest } from "@/lib/core/generation/tool-calls";
import type { ChatMessage, Llm, TokenUsage } from "@/lib/core/generation/types";
import { costOf, type PriceTable } from "@/lib/core/runs/cost";
import { LlmError } from "@/lib/core/generation/errors";
import { endpointSemaphore } from "./semaphore";
import { retryDelayMs, toLlmError, type EndpointIdentity } from "./llm-errors";

export interface LlmEndpointConfig extends EndpointIdentity {
  /** Identity for the semaphore: "endpoint:<id>" or "env". */
  key: string;
  temperature: number;
  concurrency: number;
  prices: PriceTable;
}

export interface LlmCallReport {
  usage: TokenUsage;
  costUsd: number;
  /** Attempts the call took (1 = no retry). */
  attempts: number;
}

export interface LlmClientOptions {
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** Called after every successful call. */
  onCall?: (report: LlmCallReport) => void;
}

export interface LlmClient {
  endpoint: LlmEndpointConfig;
  /** The engine's LLM: a function-calling step. */
  llm: Llm;
  /** A plain chat completion; `json` asks for a JSON object reply. */
  chat(messages: readonly ChatMessage[], options?: { json?: boolean }): Promise<{ text: string; usage: TokenUsage; costUsd: number }>;
  /** Embeddings of the inputs (in their order) by an embedding model of this endpoint. */
  embed(inputs: readonly string[], model: string): Promise<{ vectors: number[][]; usage: TokenUsage; costUsd: number }>;
}

const toUsage = (u: OpenAI.CompletionUsage | undefined): TokenUsage => ({
  promptTokens: u?.prompt_tokens ?? 0,
  completionTokens: u?.completion_tokens ?? 0,
  totalTokens: u?.total_tokens ?? (u?.prompt_tokens ?? 0) + (u?.completion_tokens ?? 0),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const holder = globalThis as unknown as { __arborOpenAi?: Map<string, OpenAI> };

/** One SDK client per endpoint settings, shared by every item (clients per item cost a step's time). */
function sdkFor(endpoint: LlmEndpointConfig, timeoutMs: number): OpenAI {
  holder.__arborOpenAi ??= new Map();
  const key = JSON.stringify([endpoint.baseUrl, endpoint.apiKey, timeoutMs]);
  let sdk = holder.__arborOpenAi.get(key);
  if (!sdk) {
    sdk = new OpenAI({
      baseURL: endpoint.baseUrl,
      // endpoints without a key (local servers) still get a header; they ignore it
      apiKey: endpoint.apiKey || "no-key",
      organization: null,
      project: null,
      maxRetries: 0, // retried below, through the semaphore
      timeout: timeoutMs,
    });
    if (holder.__arborOpenAi.size > 50) holder.__arborOpenAi.clear();
    holder.__arborOpenAi.set(key, sdk);
  }
  return sdk;
}

export function createLlmClient(endpoint: LlmEndpointConfig, options: LlmClientOptions): LlmClient {
  const sdk = sdkFor(endpoint, options.timeoutMs);
  const semaphore = () => endpointSemaphore(endpoint.key, endpoint.concurrency);

  /** One call through the endpoint's semaphore, retried on what is worth retrying. */
  async function withRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const release = await semaphore().acquire();
      let failure: unknown;
      try {
        return await call();
      } catch (error) {
        failure = error;
      } finally {
        release();
      }
      const mapped = toLlmError(failure, endpoint);
      if (!mapped.retryable || attempt >= options.maxRetries) {
        throw attempt > 0 ? new LlmError(`${mapped.message} (after ${attempt + 1} attempts)`, mapped.kind, mapped.retryable) : mapped;
      }
      await sleep(retryDelayMs(failure, attempt, options.retryBaseMs));
    }
  }

  async function complete(body: OpenAI.ChatCompletionCreateParamsNonStreaming): Promise<{ completion: OpenAI.ChatCompletion; usage: TokenUsage; costUsd: number }> {
    let attempts = 0;
    return withRetries(async () => {
      attempts++;
      const completion = await sdk.chat.completions.create(body);
      if (!completion.choices?.[0]?.message) throw new LlmError(`the LLM endpoint "${endpoint.name}" answered without a message`, "bad_response", true);
      const usage = toUsage(completion.usage);
      const costUsd = costOf(usage, endpoint.prices);
      options.onCall?.({ usage, costUsd, attempts });
      return { completion, usage, costUsd };
    });
  }

  const llm: Llm = async ({ messages, functions }) => {
    const request = toToolStyleRequest(messages, functions);
    const { completion, usage } = await complete({
      model: endpoint.model,
      temperature: endpoint.temperature,
      messages: request.messages as OpenAI.ChatCompletionMessageParam[],
      ...(request.tools.length > 0 ? { tools: request.tools as OpenAI.ChatCompletionFunctionTool[] } : {}),
    });
    const message = completion.choices[0]!.message;
    const { droppedCalls: _dropped, ...output } = fromToolStyleReply(
      { content: message.content, tool_calls: (message.tool_calls ?? []).flatMap((c) => (c.type === "function" ? [{ function: c.function }] : [])) },
      usage,
    );
    return output;
  };

  return {
    endpoint,
    llm,
    async chat(messages, chatOptions = {}) {
      const { completion, usage, costUsd } = await complete({
        model: endpoint.model,
        temperature: endpoint.temperature,
        messages: messages.map((m) => ({ role: m.role === "function" ? "user" : m.role, content: m.content ?? "" })) as OpenAI.ChatCompletionMessageParam[],
        ...(chatOptions.json ? { response_format: { type: "json_object" as const } } : {}),
      });
      return { text: completion.choices[0]!.message.content ?? "", usage, costUsd };
    },
    async embed(inputs, model) {
      if (inputs.length === 0) return { vectors: [], usage: toUsage(undefined), costUsd: 0 };
      let attempts = 0;
      return withRetries(async () => {
        attempts++;
        const reply = await sdk.embeddings.create({ model, input: [...inputs], encoding_format: "float" });
        const vectors = new Array<number[] | undefined>(inputs.length);
        for (const d of reply.data ?? []) if (Number.isInteger(d.index) && d.index >= 0 && d.index < inputs.length) vectors[d.index] = d.embedding;
        if (vectors.some((x) => !Array.isArray(x) || x.length === 0)) {
          throw new LlmError(`the endpoint "${endpoint.name}" answered ${reply.data?.length ?? 0} embeddings for ${inputs.length} inputs`, "bad_response", false);
        }
        const usage: TokenUsage = { promptTokens: reply.usage?.prompt_tokens ?? 0, completionTokens: 0, totalTokens: reply.usage?.total_tokens ?? reply.usage?.prompt_tokens ?? 0 };
        const costUsd = costOf(usage, endpoint.prices);
        options.onCall?.({ usage, costUsd, attempts });
        return { vectors: vectors as number[][], usage, costUsd };
      });
    },
  };
}
