// API retrieval by embeddings: the catalog's API documents embedded through an OpenAI-compatible
// endpoint (as a run on the worker, or `arbor embed-catalog`), kept per embedding model, and queries
// embedded on demand to rank the catalog by cosine similarity.
import { createHash } from "node:crypto";
import os from "node:os";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { apiDocument, buildVectorIndex, bytesToVector, unitVector, vectorToBytes, type VectorIndex } from "@/lib/core/retrieval";
import { embeddingSettingsInput, type EmbeddingSettings } from "@/lib/core/schemas/settings";
import { readEmbeddedHashes, readEmbeddingCounts, readEmbeddingVersion, readEmbeddings, upsertEmbeddings } from "../repositories/api-embeddings";
import { readRetrievalCatalog } from "../repositories/retrieval";
import { claimRun, createQueuedRun, createRunningRun, findRun, finishRun, reportRunProgress } from "../repositories/runs";
import { readSetting, writeSetting } from "../repositories/settings";
import { describeLlmChoice, openLlmClient, resolveLlmEndpoint } from "./llm-endpoints";

export const EMBED_TASK = "embed_catalog";
const SETTING = "retrieval.embedding";
/** Inputs per embeddings request. */
const BATCH = 64;
/** Characters of a document sent (embedding models read a few thousand tokens at most). */
const MAX_CHARS = 6000;
const PROGRESS_INTERVAL_MS = 500;

export async function getEmbeddingSettings(): Promise<EmbeddingSettings | null> {
  const parsed = embeddingSettingsInput.safeParse(await readSetting(SETTING));
  return parsed.success ? parsed.data : null;
}

export async function saveEmbeddingSettings(input: EmbeddingSettings): Promise<void> {
  await describeLlmChoice(input.endpointId); // the endpoint must exist
  await writeSetting(SETTING, { endpointId: input.endpointId, model: input.model });
}

export interface EmbeddingStatus {
  settings: EmbeddingSettings | null;
  catalogApis: number;
  /** APIs embedded with the configured model */
  embeddedApis: number;
  models: { model: string; apis: number; dims: number; updatedAt: string }[];
}

export async function getEmbeddingStatus(): Promise<EmbeddingStatus> {
  const [settings, counts] = await Promise.all([getEmbeddingSettings(), readEmbeddingCounts()]);
  const models = counts.models.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() }));
  return { settings, catalogApis: counts.catalogApis, embeddedApis: models.find((m) => m.model === settings?.model)?.apis ?? 0, models };
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");
/** The text embedded for an API: its retrieval document, cut to what embedding models read. */
export const embeddingDocument = (a: Parameters<typeof apiDocument>[0]) => apiDocument(a).slice(0, MAX_CHARS);

export interface EmbedCatalogResult {
  model: string;
  /** catalog APIs */
  total: number;
  /** APIs embedded now (new or changed documents) */
  embedded: number;
  /** APIs whose stored embedding was still current */
  unchanged: number;
  tokens: number;
  costUsd: number;
}

export interface EmbedProgress {
  done: number;
  total: number;
  embedded: number;
}

/**
 * Embeds every catalog API whose document has no current embedding for the model. Each request's
 * embeddings are stored as they arrive, so a failed or cancelled run keeps what it paid for and the
 * next run goes on from there. `shouldStop` is asked between requests.
 */
export async function embedCatalog(
  settings: EmbeddingSettings,
  hooks: { onProgress?: (p: EmbedProgress) => void | Promise<void>; shouldStop?: () => Promise<boolean> } = {},
): Promise<EmbedCatalogResult & { stopped: boolean }> {
  const endpoint = await resolveLlmEndpoint(settings.endpointId);
  const client = openLlmClient(endpoint);
  const [catalog, stored] = await Promise.all([readRetrievalCatalog(), readEmbeddedHashes(settings.model)]);
  const docs = catalog.map((a) => {
    const text = embeddingDocument(a);
    return { apiId: a.apiId, text, hash: hashOf(text) };
  });
  const todo = docs.filter((d) => stored.get(d.apiId) !== d.hash);
  const result = { model: settings.model, total: docs.length, embedded: 0, unchanged: docs.length - todo.length, tokens: 0, costUsd: 0, stopped: false };
  await hooks.onProgress?.({ done: result.unchanged, total: docs.length, embedded: 0 });
  for (let i = 0; i < todo.length; i += BATCH) {
    if (hooks.shouldStop && (await hooks.shouldStop())) {
      result.stopped = true;
      break;
    }
    const batch = todo.slice(i, i + BATCH);
    const reply = await client.embed(batch.map((d) => d.text), settings.model);
    const dims = reply.vectors[0]!.length;
    if (reply.vectors.some((v) => v.length !== dims)) throw new InvalidInputError(`the model "${settings.model}" answered embeddings of different sizes`);
    await upsertEmbeddings(
      settings.model,
      batch.map((d, j) => ({ apiId: d.apiId, textHash: d.hash, dims, vector: vectorToBytes(unitVector(reply.vectors[j]!)) })),
    );
    result.embedded += batch.length;
    result.tokens += reply.usage.totalTokens;
    result.costUsd += reply.costUsd;
    await hooks.onProgress?.({ done: result.unchanged + result.embedded, total: docs.length, embedded: result.embedded });
  }
  return result;
}

async function requireSettings(): Promise<EmbeddingSettings> {
  const s = await getEmbeddingSettings();
  if (!s) throw new InvalidInputError("Choose an endpoint and an embedding model for API retrieval first (Settings → API retrieval)");
  return s;
}

/** Queues embedding the catalog with the configured endpoint and model, as a run on the worker. */
export async function queueEmbedCatalog(createdById?: number): Promise<number> {
  const s = await requireSettings();
  const { name } = await describeLlmChoice(s.endpointId);
  return createQueuedRun({ kind: "embed_catalog", title: `Embed the catalog with ${s.model} (${name})`.slice(0, 200), config: { endpointId: s.endpointId, model: s.model }, task: EMBED_TASK, createdById });
}

class EmbedCancelled extends Error {}

async function execute(runId: number, settings: EmbeddingSettings, onProgress?: (p: EmbedProgress) => void): Promise<EmbedCatalogResult> {
  let last = 0;
  const state = { cancel: false };
  try {
    const r = await embedCatalog(settings, {
      onProgress: async (p) => {
        onProgress?.(p);
        if (Date.now() - last < PROGRESS_INTERVAL_MS && p.done < p.total) return;
        last = Date.now();
        const control = await reportRunProgress(runId, { done: p.done, total: p.total, failed: 0, label: "APIs", message: `${p.embedded} APIs embedded` });
        state.cancel ||= control.cancelRequested;
      },
      shouldStop: async () => state.cancel,
    });
    const { stopped, ...result } = r;
    if (stopped) throw new EmbedCancelled();
    await reportRunProgress(runId, { done: r.total, total: r.total, failed: 0, label: "APIs" });
    await finishRun(runId, {
      status: "succeeded",
      result: { ...result },
      message: `${r.embedded} APIs embedded, ${r.unchanged} already current (${r.total} in the catalog)`,
    });
    return result;
  } catch (err) {
    if (err instanceof EmbedCancelled) {
      await finishRun(runId, { status: "cancelled", message: "Cancelled; the APIs embedded so far are kept" });
    } else {
      await finishRun(runId, { status: "failed", error: err instanceof Error ? err.message : String(err) });
    }
    throw err;
  }
}

const runConfig = (config: unknown): EmbeddingSettings => {
  const parsed = embeddingSettingsInput.safeParse(config);
  if (!parsed.success) throw new InvalidInputError("This run's configuration names no embedding endpoint and model");
  return parsed.data;
};

/** Worker side: claim the run (one worker wins) and execute it. */
export async function executeQueuedEmbedding(runId: number, workerId: string): Promise<EmbedCatalogResult | undefined> {
  const run = await findRun(runId);
  if (!run) throw new NotFoundError(`Run ${runId} not found`);
  if (!(await claimRun(runId, workerId))) return undefined;
  try {
    return await execute(runId, runConfig(run.config));
  } catch (err) {
    if (err instanceof EmbedCancelled || err instanceof InvalidInputError) return undefined; // the run row says why
    throw err;
  }
}

/** `arbor embed-catalog`: runs now, in this process, recorded as a run. */
export async function runEmbedCatalogNow(input: Partial<EmbeddingSettings>, onProgress?: (p: EmbedProgress) => void): Promise<EmbedCatalogResult> {
  const saved = await getEmbeddingSettings();
  const settings = embeddingSettingsInput.parse({ endpointId: input.endpointId !== undefined ? input.endpointId : (saved?.endpointId ?? null), model: input.model ?? saved?.model ?? "" });
  await describeLlmChoice(settings.endpointId);
  const runId = await createRunningRun({ kind: "embed_catalog", title: `Embed the catalog with ${settings.model}`, config: { ...settings }, workerId: `${os.hostname()}:${process.pid}` });
  return execute(runId, settings, onProgress);
}

// ── ranking ──

interface CachedIndex {
  version: string;
  index: VectorIndex<number>;
}

const holder = globalThis as unknown as { __arborEmbeddingIndex?: Map<string, Promise<CachedIndex>>; __arborQueryEmbeddings?: Map<string, Float32Array> };

/** The vector index of a model's catalog embeddings, rebuilt when they change. */
export async function embeddingIndex(model: string): Promise<VectorIndex<number>> {
  holder.__arborEmbeddingIndex ??= new Map();
  const version = await readEmbeddingVersion(model);
  const cached = holder.__arborEmbeddingIndex.get(model);
  const current = cached ? await cached.catch(() => null) : null;
  if (current?.version === version) return current.index;
  const building = (async () => {
    const rows = await readEmbeddings(model);
    return { version, index: buildVectorIndex(rows.map((r) => ({ id: r.apiId, vector: bytesToVector(r.vector) }))) };
  })();
  holder.__arborEmbeddingIndex.set(model, building);
  return (await building).index;
}

export interface EmbeddingRetriever {
  model: string;
  index: VectorIndex<number>;
  /** Embeds queries (cached in memory) in requests of up to 64. */
  embedQueries(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Retrieval by embeddings as configured, or null when no model is set or the catalog is not embedded. */
export async function embeddingRetriever(): Promise<EmbeddingRetriever | null> {
  const settings = await getEmbeddingSettings();
  if (!settings) return null;
  const index = await embeddingIndex(settings.model);
  if (index.size === 0) return null;
  holder.__arborQueryEmbeddings ??= new Map();
  const cache = holder.__arborQueryEmbeddings;
  const keyOf = (t: string) => `${settings.model}\u0000${t}`;
  return {
    model: settings.model,
    index,
    async embedQueries(texts) {
      const missing = [...new Set(texts.filter((t) => !cache.has(keyOf(t))))];
      if (missing.length > 0) {
        const client = openLlmClient(await resolveLlmEndpoint(settings.endpointId));
        for (let i = 0; i < missing.length; i += BATCH) {
          const part = missing.slice(i, i + BATCH);
          const reply = await client.embed(part.map((t) => t.slice(0, MAX_CHARS)), settings.model);
          part.forEach((t, j) => cache.set(keyOf(t), unitVector(reply.vectors[j]!)));
        }
        while (cache.size > 5000) cache.delete(cache.keys().next().value!);
      }
      return texts.map((t) => cache.get(keyOf(t))!);
    },
  };
}
