// Sampling the APIs an instruction is generated over (ToolBench paper §2.2): I1 takes APIs of one
// tool; I2 takes 2–5 tools of one category and I3 2–5 tools of one RapidAPI collection, at most 3
// APIs from each. The random source is passed in, so a run's seed reproduces its samples.
import { InvalidInputError } from "@/lib/core/errors";
import type { Rng } from "../rng";
import { groupTools, type CatalogApiRecord, type CatalogToolGroup } from "./catalog";

export type InstructionGroup = "G1" | "G2" | "G3";

export interface ApiSample {
  group: InstructionGroup;
  /** The category (I1, I2) or collection (I3) the tools were drawn from. */
  drawnFrom: { kind: "tool" | "category" | "collection"; name: string };
  tools: { category: string; tool: string; standardizedName: string }[];
  /** The sampled APIs: tool by tool in sampled order, each tool's APIs in catalog order. */
  apis: CatalogApiRecord[];
}

export interface SampleOptions {
  /** I1: the most APIs taken from the tool (ToolBench's released I1 instructions hold up to 10). */
  maxApisSingleTool?: number;
  /** I2 / I3: how many tools. */
  minTools?: number;
  maxTools?: number;
  /** I2 / I3: the most APIs per tool (each tool contributes a uniform 1..this many). */
  maxApisPerTool?: number;
}

const DEFAULTS: Required<SampleOptions> = { maxApisSingleTool: 10, minTools: 2, maxTools: 5, maxApisPerTool: 3 };

/** `k` of a tool's APIs, kept in catalog order (the order its documentation lists them). */
function someApis(tool: CatalogToolGroup, k: number, rng: Rng): CatalogApiRecord[] {
  const chosen = new Set(rng.sample(tool.apis, Math.min(k, tool.apis.length)));
  return tool.apis.filter((a) => chosen.has(a));
}

const describeTool = (t: CatalogToolGroup) => ({ category: t.category, tool: t.tool, standardizedName: t.standardizedName });

/** I1: one tool, chosen uniformly among tools with APIs, and up to `maxApisSingleTool` of its APIs. */
export function sampleSingleTool(catalog: readonly CatalogApiRecord[], rng: Rng, options: SampleOptions = {}): ApiSample {
  const o = { ...DEFAULTS, ...options };
  const tools = groupTools(catalog);
  if (tools.length === 0) throw new InvalidInputError("the catalog has no APIs to sample from");
  const tool = rng.pick(tools);
  return {
    group: "G1",
    drawnFrom: { kind: "tool", name: tool.tool },
    tools: [describeTool(tool)],
    apis: someApis(tool, o.maxApisSingleTool, rng),
  };
}

/**
 * I2 (by category) or I3 (by collection): a group chosen uniformly among those with at least
 * `minTools` tools, then a uniform number of its tools in [minTools, min(maxTools, available)],
 * each contributing 1..maxApisPerTool APIs.
 */
export function sampleMultiTool(catalog: readonly CatalogApiRecord[], by: "category" | "collection", rng: Rng, options: SampleOptions = {}): ApiSample {
  const o = { ...DEFAULTS, ...options };
  if (o.minTools < 1 || o.maxTools < o.minTools || o.maxApisPerTool < 1) throw new InvalidInputError("invalid sampling bounds");
  const groups = new Map<string, CatalogToolGroup[]>();
  for (const tool of groupTools(catalog)) {
    const names = by === "category" ? [tool.category] : tool.collections;
    for (const name of names) groups.set(name, [...(groups.get(name) ?? []), tool]);
  }
  const eligible = [...groups.entries()].filter(([, tools]) => tools.length >= o.minTools);
  if (eligible.length === 0) throw new InvalidInputError(`no ${by} has at least ${o.minTools} tools with APIs`);
  const [name, tools] = rng.pick(eligible);
  const picked = rng.sample(tools, rng.int(o.minTools, Math.min(o.maxTools, tools.length)));
  return {
    group: by === "category" ? "G2" : "G3",
    drawnFrom: { kind: by, name },
    tools: picked.map(describeTool),
    apis: picked.flatMap((t) => someApis(t, rng.int(1, Math.min(o.maxApisPerTool, t.apis.length)), rng)),
  };
}

export function sampleApis(group: InstructionGroup, catalog: readonly CatalogApiRecord[], rng: Rng, options: SampleOptions = {}): ApiSample {
  if (group === "G1") return sampleSingleTool(catalog, rng, options);
  return sampleMultiTool(catalog, group === "G2" ? "category" : "collection", rng, options);
}
