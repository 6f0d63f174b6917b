// `arbor retrieval-eval [--method bm25|embedding|hybrid] [--group G1[,G2]] [--limit N] [--json]`:
// NDCG@1 and NDCG@5 of Arbor's API retrieval over the whole catalog (BM25, the configured embedding
// model once the catalog is embedded, or both fused), by group, against each instruction's relevant APIs.
import { parseArgs } from "node:util";
import { RETRIEVAL_METHOD_LABEL, RETRIEVAL_METHODS, type RetrievalMethod } from "@/lib/core/retrieval";
import { evaluateRetrieval } from "@/lib/server/services/retrieval";
import { withDatabase } from "../with-database";

// the ToolLLM paper's figures on its own test queries (whole 16k-API catalog), for comparison
const PAPER: Record<string, { retriever: [number, number]; bm25: [number, number] }> = {
  I1: { retriever: [84.2, 89.65], bm25: [18.37, 19.65] },
  I2: { retriever: [68.24, 77.9], bm25: [11.97, 10.95] },
  I3: { retriever: [81.65, 87.13], bm25: [25.23, 20.37] },
};
const PAPER_GROUP: Record<string, string> = { G1: "I1", G2: "I2", G3: "I3", I1: "I1", I2: "I2", I3: "I3" };

export async function retrievalEvalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { method: { type: "string", default: "bm25" }, group: { type: "string" }, limit: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!(RETRIEVAL_METHODS as readonly string[]).includes(values.method!)) {
    console.error(`--method must be one of ${RETRIEVAL_METHODS.join(", ")}`);
    return 2;
  }
  const method = values.method as RetrievalMethod;
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    console.error("--limit must be a whole number of instructions, at least 1");
    return 2;
  }
  const groups = values.group?.split(",").map((g) => g.trim()).filter(Boolean);
  return withDatabase({ quiet: values.json }, async () => {
    const result = await evaluateRetrieval({ groups, limit, method });
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    if (!result.scores.length) {
      console.log("No instruction has relevant APIs in the catalog: import instruction files (G1_query.json, …) first.");
      return 1;
    }
    console.log(`${RETRIEVAL_METHOD_LABEL[result.method]}${result.model ? ` (${result.model})` : ""} over ${result.catalogApis} catalog APIs; NDCG in %`);
    console.log("group   queries   NDCG@1   NDCG@5   paper BM25 @1/@5   paper retriever @1/@5");
    for (const s of result.scores) {
      const p = PAPER[PAPER_GROUP[s.group] ?? ""];
      const paper = p ? `${p.bm25[0].toFixed(1).padStart(6)} / ${p.bm25[1].toFixed(1).padEnd(9)}${p.retriever[0].toFixed(1).padStart(6)} / ${p.retriever[1].toFixed(1)}` : "";
      console.log(`${s.group.padEnd(8)}${String(s.queries).padStart(7)}${s.ndcg1.toFixed(1).padStart(9)}${s.ndcg5.toFixed(1).padStart(9)}   ${paper}`);
    }
    return 0;
  });
}
