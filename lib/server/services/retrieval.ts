// API retrieval over the whole catalog (ToolBench's retriever document text): BM25, embeddings of an
// OpenAI-compatible endpoint (once the catalog is embedded), or both fused; to recommend APIs for an
// instruction, to measure NDCG against instructions' relevant APIs, and to pick the APIs a solve run
// offers when it uses retrieved APIs instead of the instruction's own list.
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import {
  apiDocument,
  buildBm25Index,
  fuseRankings,
  ndcgAtK,
  summarizeByGroup,
  type Bm25Index,
  type RetrievalMethod,
  type RetrievalScore,
} from "@/lib/core/retrieval";
import { embeddingRetriever, type EmbeddingRetriever } from "./embeddings";
import { readCatalogVersion, readRetrievalCatalog, readRetrievalQueries, readRetrievalQuery, type RetrievalApiRow } from "../repositories/retrieval";

interface CatalogIndex {
  version: string;
  index: Bm25Index<number>;
  apis: Map<number, RetrievalApiRow>;
}

let cached: Promise<CatalogIndex> | null = null;

/** The BM25 index of the catalog, rebuilt when APIs were added or changed since it was built. */
async function catalogIndex(): Promise<CatalogIndex> {
  const version = await readCatalogVersion();
  const current = cached ? await cached.catch(() => null) : null;
  if (current?.version === version) return current;
  cached = (async () => {
    const rows = await readRetrievalCatalog();
    return {
      version,
      index: buildBm25Index(rows.map((a) => ({ id: a.apiId, text: apiDocument(a) }))),
      apis: new Map(rows.map((a) => [a.apiId, a])),
    };
  })();
  return cached;
}

/** How many candidates each ranking contributes to a fused (hybrid) one. */
const FUSE_DEPTH = 50;

interface Ranker {
  method: RetrievalMethod;
  catalogApis: number;
  /** embedding model, for methods that use one */
  model: string | null;
  rank(queries: readonly string[], k: number): Promise<{ id: number; score: number }[][]>;
}

/** The methods usable now: BM25 always, embeddings and hybrid once the catalog is embedded. */
const methodsWith = (e: EmbeddingRetriever | null): RetrievalMethod[] => (e ? ["bm25", "embedding", "hybrid"] : ["bm25"]);

export async function availableRetrievalMethods(): Promise<{ methods: RetrievalMethod[]; embeddingModel: string | null }> {
  const e = await embeddingRetriever();
  return { methods: methodsWith(e), embeddingModel: e?.model ?? null };
}

/** `embedding`: the embedding retriever when the caller has it already (else it is looked up). */
async function ranker(method: RetrievalMethod, embedding?: EmbeddingRetriever | null): Promise<Ranker> {
  const { index } = await catalogIndex();
  const bm25 = (queries: readonly string[], k: number) => queries.map((q) => index.search(q, k));
  if (method === "bm25") return { method, catalogApis: index.size, model: null, rank: async (qs, k) => bm25(qs, k) };
  const e = embedding === undefined ? await embeddingRetriever() : embedding;
  if (!e) throw new InvalidInputError("Retrieval by embeddings needs the catalog embedded: choose an embedding model on the Settings page and embed the catalog");
  const dense = async (queries: readonly string[], k: number) => {
    const vectors = await e.embedQueries(queries);
    return vectors.map((v) => e.index.search(v, k));
  };
  if (method === "embedding") return { method, catalogApis: e.index.size, model: e.model, rank: dense };
  return {
    method,
    catalogApis: Math.max(index.size, e.index.size),
    model: e.model,
    async rank(queries, k) {
      const [sparse, vectors] = [bm25(queries, FUSE_DEPTH), await dense(queries, FUSE_DEPTH)];
      return queries.map((_, i) => fuseRankings([sparse[i]!.map((h) => h.id), vectors[i]!.map((h) => h.id)], k));
    },
  };
}

/** The ids of the k catalog APIs that best match a query. */
export async function retrieveApiIds(query: string, k: number, method: RetrievalMethod = "bm25"): Promise<number[]> {
  const [hits] = await (await ranker(method)).rank([query], k);
  return hits!.map((h) => h.id);
}

export interface ApiRecommendation {
  apiId: number;
  functionName: string;
  category: string;
  tool: string;
  api: string;
  description: string;
  score: number;
  /** one of the instruction's relevant APIs */
  relevant: boolean;
  /** one of the APIs the instruction was generated over */
  sampled: boolean;
}

export interface InstructionRecommendations {
  method: RetrievalMethod;
  /** the methods that can be chosen now */
  methods: RetrievalMethod[];
  /** the embedding model, for methods that use one */
  model: string | null;
  catalogApis: number;
  recommendations: ApiRecommendation[];
  /** NDCG@1 / @5 of this ranking against the relevant APIs, as percentages (null without relevant APIs) */
  ndcg1: number | null;
  ndcg5: number | null;
}

export async function recommendApis(instructionId: number, k = 10, method: RetrievalMethod = "bm25"): Promise<InstructionRecommendations> {
  const q = await readRetrievalQuery(instructionId);
  if (!q) throw new NotFoundError(`There is no instruction #${instructionId}`);
  // the embedding settings and index are read once, for the ranking and for the methods on offer
  const [{ apis }, embedding] = await Promise.all([catalogIndex(), embeddingRetriever()]);
  const r = await ranker(method, embedding);
  const hits = (await r.rank([q.query], k))[0]!.filter((h) => apis.has(h.id));
  const relevant = new Set(q.relevantApiIds);
  const sampled = new Set(q.sampledApiIds);
  const ranked = hits.map((h) => h.id);
  return {
    method,
    methods: methodsWith(embedding),
    model: r.model,
    catalogApis: r.catalogApis,
    recommendations: hits.map((h) => {
      const a = apis.get(h.id)!;
      return { apiId: h.id, functionName: a.functionName, category: a.category, tool: a.tool, api: a.name, description: a.description, score: h.score, relevant: relevant.has(h.id), sampled: sampled.has(h.id) };
    }),
    ndcg1: relevant.size ? 100 * ndcgAtK(ranked, relevant, 1) : null,
    ndcg5: relevant.size ? 100 * ndcgAtK(ranked, relevant, 5) : null,
  };
}

export interface RetrievalEvaluation {
  method: RetrievalMethod;
  model: string | null;
  catalogApis: number;
  scores: RetrievalScore[];
}

/** NDCG@1 and @5 by group over every instruction with relevant APIs (or some groups of them). */
export async function evaluateRetrieval(opts: { groups?: string[]; limit?: number; method?: RetrievalMethod } = {}): Promise<RetrievalEvaluation> {
  const [r, queries] = await Promise.all([ranker(opts.method ?? "bm25"), readRetrievalQueries(opts)]);
  const rankings = await r.rank(queries.map((q) => q.query), 5);
  const results = queries.map((q, i) => {
    const ranked = rankings[i]!.map((h) => h.id);
    const relevant = new Set(q.relevantApiIds);
    return { group: q.group, ndcg1: ndcgAtK(ranked, relevant, 1), ndcg5: ndcgAtK(ranked, relevant, 5) };
  });
  return { method: r.method, model: r.model, catalogApis: r.catalogApis, scores: summarizeByGroup(results) };
}
