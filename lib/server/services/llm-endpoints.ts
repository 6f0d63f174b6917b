// LLM endpoints: configured on the Settings page (admins) or in the environment. Keys stay on the
// server: the page gets whether a key is set and its last 4 characters; only the worker's
// resolveLlmEndpoint reads a key, to make calls.
import { InvalidInputError, NotFoundError, ConflictError } from "@/lib/core/errors";
import { readPriceTable } from "@/lib/core/runs/cost";
import { llmEndpointInput, updateLlmEndpointInput } from "@/lib/core/schemas/settings";
import type { z } from "zod";
import { env } from "../env";
import { createLlmClient, type LlmClient, type LlmEndpointConfig, type LlmCallReport } from "../llm/llm-client";
import {
  createLlmEndpoint,
  deleteLlmEndpoint,
  findLlmEndpointName,
  findLlmEndpointWithKey,
  listLlmEndpointSummaries,
  updateLlmEndpoint,
} from "../repositories/llm-endpoints";

export interface LlmEndpointView {
  /** null: the endpoint set in the environment (not editable here). */
  id: number | null;
  name: string;
  baseUrl: string;
  model: string;
  temperature: number;
  concurrency: number;
  prices: { prompt: number; completion: number };
  hasKey: boolean;
  keyLast4: string | null;
}

export const ENV_ENDPOINT_NAME = "Environment (ARBOR_LLM_*)";

function envEndpoint(): LlmEndpointConfig | null {
  const e = env();
  if (!e.ARBOR_LLM_BASE_URL || !e.ARBOR_LLM_MODEL) return null;
  return {
    key: "env",
    name: ENV_ENDPOINT_NAME,
    baseUrl: e.ARBOR_LLM_BASE_URL,
    model: e.ARBOR_LLM_MODEL,
    apiKey: e.ARBOR_LLM_API_KEY ?? null,
    temperature: e.ARBOR_LLM_TEMPERATURE,
    concurrency: e.ARBOR_LLM_CONCURRENCY,
    prices: { prompt: e.ARBOR_LLM_PRICE_PROMPT, completion: e.ARBOR_LLM_PRICE_COMPLETION },
  };
}

const keyHint = (key: string | null) => ({ hasKey: !!key, keyLast4: key && key.length >= 12 ? key.slice(-4) : null });

export async function listLlmEndpoints(): Promise<LlmEndpointView[]> {
  const rows = await listLlmEndpointSummaries();
  const views: LlmEndpointView[] = rows.map((r) => ({
    id: r.id, name: r.name, baseUrl: r.baseUrl, model: r.model, temperature: r.temperature, concurrency: r.concurrency,
    prices: readPriceTable(r.prices), hasKey: r.hasKey, keyLast4: r.keyLast4,
  }));
  const e = envEndpoint();
  if (e) {
    views.unshift({ id: null, name: e.name, baseUrl: e.baseUrl, model: e.model, temperature: e.temperature, concurrency: e.concurrency, prices: e.prices, ...keyHint(e.apiKey) });
  }
  return views;
}

type EndpointInput = z.output<typeof llmEndpointInput>;

const toWrite = (i: EndpointInput) => ({
  name: i.name, baseUrl: i.baseUrl.replace(/\/+$/, ""), model: i.model, temperature: i.temperature, concurrency: i.concurrency, prices: i.prices,
  ...(i.apiKey === undefined ? {} : { apiKey: i.apiKey === "" ? null : i.apiKey }),
});

export async function addLlmEndpoint(input: EndpointInput): Promise<number> {
  const id = await createLlmEndpoint(toWrite(input));
  if (id === "duplicate") throw new ConflictError(`An endpoint named "${input.name}" exists already`);
  return id;
}

export async function changeLlmEndpoint(input: z.output<typeof updateLlmEndpointInput>): Promise<void> {
  const r = await updateLlmEndpoint(input.id, toWrite(input));
  if (r === "missing") throw new NotFoundError(`There is no endpoint #${input.id}`);
  if (r === "duplicate") throw new ConflictError(`An endpoint named "${input.name}" exists already`);
}

export async function removeLlmEndpoint(id: number): Promise<void> {
  if (!(await deleteLlmEndpoint(id))) throw new NotFoundError(`There is no endpoint #${id}`);
}

/** An endpoint's name and model, to check a run's choice before queueing it. */
export async function describeLlmChoice(endpointId: number | null): Promise<{ name: string; model: string }> {
  if (endpointId === null) {
    const e = envEndpoint();
    if (!e) throw new InvalidInputError("No LLM endpoint is set in the environment (ARBOR_LLM_BASE_URL and ARBOR_LLM_MODEL): choose one configured on the Settings page");
    return { name: e.name, model: e.model };
  }
  const row = await findLlmEndpointName(endpointId);
  if (!row) throw new InvalidInputError(`There is no LLM endpoint #${endpointId}: choose one on the Settings page`);
  return row;
}

/** Server-side only: the endpoint with its key, with a run's model and temperature overrides. */
export async function resolveLlmEndpoint(endpointId: number | null, overrides: { model?: string; temperature?: number } = {}): Promise<LlmEndpointConfig> {
  let base: LlmEndpointConfig | null;
  if (endpointId === null) base = envEndpoint();
  else {
    const row = await findLlmEndpointWithKey(endpointId);
    base = row && {
      key: `endpoint:${row.id}`, name: row.name, baseUrl: row.baseUrl, model: row.model, apiKey: row.apiKey,
      temperature: row.temperature, concurrency: row.concurrency, prices: readPriceTable(row.prices),
    };
  }
  if (!base) throw new NotFoundError(endpointId === null ? "No LLM endpoint is set in the environment" : `The LLM endpoint #${endpointId} no longer exists`);
  return { ...base, model: overrides.model ?? base.model, temperature: overrides.temperature ?? base.temperature };
}

/** A client for an endpoint, with the environment's timeouts and retries. */
export function openLlmClient(endpoint: LlmEndpointConfig, onCall?: (r: LlmCallReport) => void): LlmClient {
  const e = env();
  return createLlmClient(endpoint, { timeoutMs: e.ARBOR_LLM_TIMEOUT_SECONDS * 1000, maxRetries: e.ARBOR_LLM_MAX_RETRIES, retryBaseMs: e.ARBOR_LLM_RETRY_BASE_MS, onCall });
}
