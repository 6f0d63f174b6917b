// An instruction's APIs as a reader wants them: the sampled list (what the instruction was generated
// over), each marked relevant or not and linked to the catalog API when the catalog has it, followed
// by APIs linked only through the database (e.g. from answer files' function lists).
import { standardize, standardizeCategory } from "./names";
import type { SampledApi } from "./types";

/** A catalog API an instruction's entry may point at. */
export interface CatalogApiMatch {
  apiId: number;
  apiName: string;
  functionName: string;
  toolName: string;
  toolStandardizedName: string;
  categoryName: string;
  categoryStandardizedName: string;
  /** The InstructionApi link's flag; null when the API was found by name and is not linked. */
  relevant: boolean | null;
}

export interface InstructionApiEntry {
  category: string;
  tool: string;
  api: string;
  relevant: boolean;
  /** "sampled": from the instruction's api list; "relevant": only in its relevant APIs; "linked": only linked in the database. */
  origin: "sampled" | "relevant" | "linked";
  catalog: CatalogApiMatch | null;
}

const isString = (v: unknown): v is string => typeof v === "string";

/** Reads the stored sampledApis JSON, skipping malformed entries rather than failing the page. */
export function readSampledApis(value: unknown): SampledApi[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (typeof v !== "object" || v === null) return [];
    const o = v as Record<string, unknown>;
    return isString(o.tool) && isString(o.api) ? [{ category: isString(o.category) ? o.category : "", tool: o.tool, api: o.api }] : [];
  });
}

/** Reads the stored relevantApis JSON: [[tool, api], ...]. */
export function readRelevantApis(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (Array.isArray(v) && isString(v[0]) && isString(v[1]) ? [[v[0], v[1]] as [string, string]] : []));
}

const keyOf = (tool: string, api: string) => `${standardize(tool)}\u0000${api}`;

function pickMatch(candidates: readonly CatalogApiMatch[] | undefined, category: string): CatalogApiMatch | null {
  if (!candidates || candidates.length === 0) return null;
  const sameCategory = candidates.find((c) => c.categoryName === category || c.categoryStandardizedName === standardizeCategory(category));
  return sameCategory ?? candidates[0]!;
}

export function buildInstructionApiEntries(input: {
  sampled: readonly SampledApi[];
  relevant: readonly [string, string][];
  /** Catalog APIs found for the sampled and relevant entries, and those linked in the database. */
  matches: readonly CatalogApiMatch[];
}): InstructionApiEntry[] {
  const relevantKeys = new Set(input.relevant.map(([tool, api]) => keyOf(tool, api)));
  const byKey = new Map<string, CatalogApiMatch[]>();
  for (const m of input.matches) {
    const k = keyOf(m.toolName, m.apiName);
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  const used = new Set<number>();
  const entries: InstructionApiEntry[] = [];
  const seen = new Set<string>();
  const add = (category: string, tool: string, api: string, origin: InstructionApiEntry["origin"]) => {
    const k = keyOf(tool, api);
    if (seen.has(`${category}\u0000${k}`)) return;
    seen.add(`${category}\u0000${k}`);
    const catalog = pickMatch(byKey.get(k), category);
    if (catalog) used.add(catalog.apiId);
    entries.push({ category, tool, api, relevant: relevantKeys.has(k) || catalog?.relevant === true, origin, catalog });
  };
  for (const s of input.sampled) add(s.category, s.tool, s.api, "sampled");
  for (const [tool, api] of input.relevant) {
    if (!entries.some((e) => keyOf(e.tool, e.api) === keyOf(tool, api))) add("", tool, api, "relevant");
  }
  for (const m of input.matches) {
    if (m.relevant === null || used.has(m.apiId)) continue;
    used.add(m.apiId);
    entries.push({ category: m.categoryName, tool: m.toolName, api: m.apiName, relevant: m.relevant, origin: "linked", catalog: m });
  }
  return entries;
}
