// API retrieval by embeddings over a real imported catalog: the real `openai` client embeds the API
// documents through a fake OpenAI-compatible server (a deterministic bag-of-words model), a run on the
// worker side stores them, later runs send only new or changed documents, and instruction pages,
// retrieval evaluation and hybrid ranking use them.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildVectorIndex, fuseRankings, unitVector } from "@/lib/core/retrieval";
import { embeddingSettingsInput } from "@/lib/core/schemas/settings";
import { datasetsDir } from "@/lib/test/datasets";
import { deadEndpointUrl, fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { readRetrievalCatalog } from "../repositories/retrieval";
import { embedCatalog, embeddingDocument, executeQueuedEmbedding, getEmbeddingStatus, queueEmbedCatalog, saveEmbeddingSettings } from "./embeddings";
import { expandInputs, importFiles } from "./import-files";
import { availableRetrievalMethods, evaluateRetrieval, recommendApis, retrieveApiIds } from "./retrieval";
import { getRun } from "./runs";

const KEY = "sk-embed-test-key-7781";
const MODEL = "embed-small";
let db: TestDatabase;
let server: FakeOpenAiServer;
let endpointId: number;

const count = async (model = MODEL) => (await sql<{ n: number }>(`select count(*)::int as n from "ApiEmbedding" where model = $1`, [model]))[0]!.n;
const apiCount = async () => (await sql<{ n: number }>(`select count(*)::int as n from "Api"`))[0]!.n;
const settings = (over: Record<string, unknown> = {}) => embeddingSettingsInput.parse({ endpointId: String(endpointId), model: MODEL, ...over });

async function runEmbedding(): Promise<{ runId: number; status: string }> {
  const runId = await queueEmbedCatalog();
  // a failure is in the run row (what this reads); the worker's job also ends with it
  await executeQueuedEmbedding(runId, "test-worker").catch(() => undefined);
  return { runId, status: (await getRun(runId)).status };
}

/** The ranking the fake model implies, computed here from the documents themselves. */
async function expectedEmbeddingRanking(query: string, k: number): Promise<number[]> {
  const catalog = await readRetrievalCatalog();
  const index = buildVectorIndex(catalog.map((a) => ({ id: a.apiId, vector: unitVector(fakeEmbedding(embeddingDocument(a))) })));
  return index.search(unitVector(fakeEmbedding(query)), k).map((h) => h.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const root = datasetsDir();
  const summary = await importFiles(
    expandInputs([path.join(root, "toolbench", "instruction"), path.join(root, "toolbench", "toolenv"), path.join(root, "stabletoolbench", "solvable_queries")]).files,
  );
  expect(summary.errors).toEqual([]);
  server = await startFakeOpenAiServer({ apiKey: KEY, models: [MODEL], respond: () => ({ status: 500 }) });
  endpointId = await addFakeEndpoint(server.url, { name: "Embeddings", apiKey: KEY, model: "chat-model-unused" });
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe("retrieval by embeddings", () => {
  it("is not offered until a model is chosen and the catalog embedded, and says how to get there", async () => {
    expect(await availableRetrievalMethods()).toEqual({ methods: ["bm25"], embeddingModel: null });
    const [i] = await sql<{ id: number }>(`select id from "Instruction" order by id limit 1`);
    await expect(recommendApis(i!.id, 5, "embedding")).rejects.toThrow(/embed the catalog/);
    await expect(queueEmbedCatalog()).rejects.toThrow(/Choose an endpoint and an embedding model/);
    await expect(saveEmbeddingSettings(settings({ endpointId: "999999" }))).rejects.toThrow(/no LLM endpoint #999999/);
  });

  it("embeds every catalog API in a run, in requests of at most 64 documents, through the real client", async () => {
    await saveEmbeddingSettings(settings());
    const apis = await apiCount();
    expect(apis).toBeGreaterThan(64);
    const { runId, status } = await runEmbedding();
    expect(status).toBe("succeeded");
    const run = await getRun(runId);
    expect(run.result).toMatchObject({ model: MODEL, total: apis, embedded: apis, unchanged: 0 });
    expect(await count()).toBe(apis);
    expect(server.embeddingRequests.length).toBe(Math.ceil(apis / 64));
    for (const r of server.embeddingRequests) {
      expect(r.model).toBe(MODEL);
      expect(r.input.length).toBeLessThanOrEqual(64);
      expect(r.authorization).toBe(`Bearer ${KEY}`);
    }
    const [row] = await sql<{ dims: number; bytes: number }>(`select dims, octet_length(vector) as bytes from "ApiEmbedding" limit 1`);
    expect(row).toEqual({ dims: 64, bytes: 64 * 4 });
    const status2 = await getEmbeddingStatus();
    expect(status2).toMatchObject({ catalogApis: apis, embeddedApis: apis, settings: { endpointId, model: MODEL } });
    expect(await availableRetrievalMethods()).toEqual({ methods: ["bm25", "embedding", "hybrid"], embeddingModel: MODEL });
  });

  it("sends only new or changed documents on the next run", async () => {
    const before = server.embeddingRequests.length;
    expect((await runEmbedding()).status).toBe("succeeded");
    expect(server.embeddingRequests.length).toBe(before);

    const [api] = await sql<{ id: number }>(`select id from "Api" order by id limit 1`);
    await sql(`update "Api" set description = 'Finds zebra crossings near a street address' where id = $1`, [api!.id]);
    const { runId } = await runEmbedding();
    expect((await getRun(runId)).result).toMatchObject({ embedded: 1, unchanged: (await apiCount()) - 1 });
    expect(server.embeddingRequests.slice(before).map((r) => r.input.length)).toEqual([1]);
    expect(server.embeddingRequests.at(-1)!.input[0]).toContain("zebra crossings");
  });

  it("ranks the catalog by cosine similarity to the query's embedding", async () => {
    const [i] = await sql<{ id: number; query: string }>(
      `select i.id, i.query from "Instruction" i join "InstructionApi" ia on ia."instructionId" = i.id and ia.relevant order by i.id limit 1`,
    );
    const r = await recommendApis(i!.id, 10, "embedding");
    expect(r).toMatchObject({ method: "embedding", model: MODEL, methods: ["bm25", "embedding", "hybrid"] });
    expect(r.recommendations.map((x) => x.apiId)).toEqual(await expectedEmbeddingRanking(i!.query, 10));
    const scores = r.recommendations.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeLessThanOrEqual(1.000001);
    const relevant = new Set((await sql<{ apiId: number }>(`select "apiId" from "InstructionApi" where "instructionId" = $1 and relevant`, [i!.id])).map((x) => x.apiId));
    for (const rec of r.recommendations) expect(rec.relevant).toBe(relevant.has(rec.apiId));

    // the API whose document was just changed is what a query in its words finds first
    const [changed] = await sql<{ id: number }>(`select id from "Api" where description like 'Finds zebra crossings%'`);
    expect((await retrieveApiIds("zebra crossings near my street address", 3, "embedding"))[0]).toBe(changed!.id);
  });

  it("fuses BM25 and embeddings by reciprocal rank in hybrid retrieval", async () => {
    const query = "Get the current weather forecast for a city";
    const [bm25, dense, hybrid] = await Promise.all([retrieveApiIds(query, 50, "bm25"), retrieveApiIds(query, 50, "embedding"), retrieveApiIds(query, 10, "hybrid")]);
    expect(hybrid).toEqual(fuseRankings([bm25, dense], 10).map((h) => h.id));
  });

  it("evaluates NDCG by group with embeddings, embedding each query once", async () => {
    const bm25 = await evaluateRetrieval({ method: "bm25" });
    const before = server.embeddingRequests.length;
    const e = await evaluateRetrieval({ method: "embedding" });
    expect(e).toMatchObject({ method: "embedding", model: MODEL });
    expect(e.scores.map((s) => [s.group, s.queries])).toEqual(bm25.scores.map((s) => [s.group, s.queries]));
    const sent = server.embeddingRequests.slice(before).flatMap((r) => r.input);
    expect(new Set(sent).size).toBe(sent.length);
    const again = server.embeddingRequests.length;
    await evaluateRetrieval({ method: "hybrid" });
    expect(server.embeddingRequests.length).toBe(again); // queries' embeddings are kept
  });

  it("keeps what a stopped run embedded, and the next run goes on from there", async () => {
    const other = embeddingSettingsInput.parse({ endpointId: String(endpointId), model: MODEL });
    await sql(`delete from "ApiEmbedding"`);
    let asked = 0;
    const r = await embedCatalog(other, { shouldStop: async () => asked++ >= 1 });
    expect(r).toMatchObject({ stopped: true, embedded: 64 });
    expect(await count()).toBe(64);
    const rest = await embedCatalog(other);
    expect(rest).toMatchObject({ stopped: false, unchanged: 64, embedded: (await apiCount()) - 64 });
  });

  it("fails a run against a dead endpoint with the endpoint's name, and stores nothing for it", async () => {
    const dead = await addFakeEndpoint(await deadEndpointUrl(), { name: "Gone" });
    await saveEmbeddingSettings(embeddingSettingsInput.parse({ endpointId: String(dead), model: "other-model" }));
    const { runId, status } = await runEmbedding();
    expect(status).toBe("failed");
    expect((await getRun(runId)).error).toMatch(/Gone/);
    expect(await count("other-model")).toBe(0);
  });
});
