// LLM endpoints. Keys are read only by the worker's lookup (findLlmEndpointWithKey); what the
// Settings page reads says whether a key is set and, for long keys, its last 4 characters.
import { prisma, Prisma } from "../db/client";

export interface LlmEndpointSummary {
  id: number;
  name: string;
  baseUrl: string;
  model: string;
  temperature: number;
  concurrency: number;
  prices: unknown;
  hasKey: boolean;
  keyLast4: string | null;
  updatedAt: Date;
}

export async function listLlmEndpointSummaries(): Promise<LlmEndpointSummary[]> {
  return prisma().$queryRaw<LlmEndpointSummary[]>`
    select id, name, "baseUrl", model, temperature, concurrency, prices, ("apiKey" is not null) as "hasKey",
           case when length("apiKey") >= 12 then right("apiKey", 4) end as "keyLast4", "updatedAt"
    from "LlmEndpoint" order by name`;
}

export interface LlmEndpointRow {
  id: number;
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string | null;
  temperature: number;
  concurrency: number;
  prices: unknown;
}

/** Server-side only: the endpoint with its key, for making calls. */
export async function findLlmEndpointWithKey(id: number): Promise<LlmEndpointRow | null> {
  return prisma().llmEndpoint.findUnique({
    where: { id },
    select: { id: true, name: true, baseUrl: true, model: true, apiKey: true, temperature: true, concurrency: true, prices: true },
  });
}

export async function findLlmEndpointName(id: number): Promise<{ name: string; model: string } | null> {
  return prisma().llmEndpoint.findUnique({ where: { id }, select: { name: true, model: true } });
}

export interface LlmEndpointWrite {
  name: string;
  baseUrl: string;
  model: string;
  /** undefined: keep; null: clear. */
  apiKey?: string | null;
  temperature: number;
  concurrency: number;
  prices: Prisma.InputJsonValue;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** Returns the id, or "duplicate" when the name is taken. */
export async function createLlmEndpoint(w: LlmEndpointWrite): Promise<number | "duplicate"> {
  try {
    const row = await prisma().llmEndpoint.create({ data: { ...w, apiKey: w.apiKey ?? null }, select: { id: true } });
    return row.id;
  } catch (e) {
    if (isUniqueViolation(e)) return "duplicate";
    throw e;
  }
}

export async function updateLlmEndpoint(id: number, w: LlmEndpointWrite): Promise<"ok" | "missing" | "duplicate"> {
  try {
    const r = await prisma().llmEndpoint.updateMany({ where: { id }, data: w });
    return r.count === 1 ? "ok" : "missing";
  } catch (e) {
    if (isUniqueViolation(e)) return "duplicate";
    throw e;
  }
}

export async function deleteLlmEndpoint(id: number): Promise<boolean> {
  const r = await prisma().llmEndpoint.deleteMany({ where: { id } });
  return r.count === 1;
}
