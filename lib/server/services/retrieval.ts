// API retrieval: BM25 over the whole catalog (ToolBench's retriever document text), to recommend APIs
// for an instruction, to measure NDCG against instructions' relevant APIs, and to pick the APIs a
// solve run offers when it uses retrieved APIs instead of the instruction's own list.
import { NotFoundError } from "@/lib/core/errors";
import { apiDocument, buildBm25Index, ndcgAtK, summarizeByGroup, type Bm25Index, type RetrievalScore } from "@/lib/core/retrieval";
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

/** The ids of the k catalog APIs that best match a query. */
export async function retrieveApiIds(query: string, k: number): Promise<number[]> {
  return (await catalogIndex()).index.search(query, k).map((h) => h.id);
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
  method: "bm25";
  catalogApis: number;
  recommendations: ApiRecommendation[];
  /** NDCG@1 / @5 of this ranking against the relevant APIs, as percentages (null without relevant APIs) */
  ndcg1: number | null;
  ndcg5: number | null;
}

export async function recommendApis(instructionId: number, k = 10): Promise<InstructionRecommendations> {
  const q = await readRetrievalQuery(instructionId);
  if (!q) throw new NotFoundError(`There is no instruction #${instructionId}`);
  const { index, apis } = await catalogIndex();
  const hits = index.search(q.query, k);
  const relevant = new Set(q.relevantApiIds);
  const sampled = new Set(q.sampledApiIds);
  const ranked = hits.map((h) => h.id);
  return {
    method: "bm25",
    catalogApis: index.size,
    recommendations: hits.map((h) => {
      const a = apis.get(h.id)!;
      return { apiId: h.id, functionName: a.functionName, category: a.category, tool: a.tool, api: a.name, description: a.description, score: h.score, relevant: relevant.has(h.id), sampled: sampled.has(h.id) };
    }),
    ndcg1: relevant.size ? 100 * ndcgAtK(ranked, relevant, 1) : null,
    ndcg5: relevant.size ? 100 * ndcgAtK(ranked, relevant, 5) : null,
  };
}

export interface RetrievalEvaluation {
  method: "bm25";
  catalogApis: number;
  scores: RetrievalScore[];
}

/** NDCG@1 and @5 by group over every instruction with relevant APIs (or some groups of them). */
export async function evaluateRetrieval(opts: { groups?: string[]; limit?: number } = {}): Promise<RetrievalEvaluation> {
  const [{ index }, queries] = await Promise.all([catalogIndex(), readRetrievalQueries(opts)]);
  const results = queries.map((q) => {
    const ranked = index.search(q.query, 5).map((h) => h.id);
    const relevant = new Set(q.relevantApiIds);
    return { group: q.group, ndcg1: ndcgAtK(ranked, relevant, 1), ndcg5: ndcgAtK(ranked, relevant, 5) };
  });
  return { method: "bm25", catalogApis: index.size, scores: summarizeByGroup(results) };
}
