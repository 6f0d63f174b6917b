import type { NextRequest } from "next/server";
import { z } from "zod";
import { RETRIEVAL_METHODS } from "@/lib/core/retrieval/embeddings";
import { recommendApis } from "@/lib/server/services/retrieval";
import { readId, readQuery, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

const query = z
  .object({
    k: z.coerce.number().int().min(1, "k must be at least 1").max(50, "k must be at most 50").default(10),
    method: z.enum(RETRIEVAL_METHODS, { message: `method must be one of ${RETRIEVAL_METHODS.join(", ")}` }).default("bm25"),
  })
  .strict();

/**
 * GET /api/instructions/42/recommendations?k=10&method=bm25 — catalog APIs ranked for the query (BM25,
 * embeddings or both fused), with NDCG against its relevant APIs.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(async () => {
    const { k, method } = readQuery(query, request.nextUrl);
    return recommendApis(readId(id, "instruction id"), k, method);
  });
}
