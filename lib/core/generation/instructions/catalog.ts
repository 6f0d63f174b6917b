// The catalog as instruction generation and solving read it: plain API records (no database types),
// grouped into tools, plus ToolBench's instruction entry shape.
import { standardize } from "@/lib/core/toolbench/names";
import type { ApiParameter } from "@/lib/core/toolbench/types";

export interface CatalogApiRecord {
  category: string;
  /** tool_name as written */
  tool: string;
  /** The tool's standardized name (its file stem); standardize(tool) when absent. */
  toolStandardizedName?: string;
  toolDescription?: string;
  /** RapidAPI collections the tool is in (used to sample I3). */
  collections?: readonly string[];
  /** api_name as written */
  name: string;
  description: string;
  method?: string;
  requiredParameters: readonly ApiParameter[];
  optionalParameters: readonly ApiParameter[];
  templateResponse?: unknown;
}

export interface CatalogToolGroup {
  category: string;
  tool: string;
  standardizedName: string;
  collections: readonly string[];
  apis: CatalogApiRecord[];
}

export const toolStandardizedName = (api: Pick<CatalogApiRecord, "tool" | "toolStandardizedName">) => api.toolStandardizedName ?? standardize(api.tool);

/** Groups API records into tools (category + standardized tool name), keeping first-seen order. */
export function groupTools(apis: readonly CatalogApiRecord[]): CatalogToolGroup[] {
  const tools = new Map<string, CatalogToolGroup>();
  for (const api of apis) {
    const std = toolStandardizedName(api);
    const key = `${api.category}\u0000${std}`;
    let tool = tools.get(key);
    if (!tool) {
      tool = { category: api.category, tool: api.tool, standardizedName: std, collections: api.collections ?? [], apis: [] };
      tools.set(key, tool);
    }
    tool.apis.push(api);
  }
  return [...tools.values()];
}

/** An instruction in ToolBench's file format (G*_query.json). */
export interface InstructionEntry {
  api_list: {
    category_name: string;
    tool_name: string;
    api_name: string;
    api_description: string;
    required_parameters: ApiParameter[];
    optional_parameters: ApiParameter[];
    method: string;
    template_response?: unknown;
  }[];
  query: string;
  "relevant APIs": [string, string][];
  query_id: number;
}

export function toInstructionEntry(sampled: readonly CatalogApiRecord[], query: { query: string; relevantApis: readonly [string, string][] }, queryId: number): InstructionEntry {
  return {
    api_list: sampled.map((a) => ({
      category_name: a.category,
      tool_name: a.tool,
      api_name: a.name,
      api_description: a.description,
      required_parameters: [...a.requiredParameters],
      optional_parameters: [...a.optionalParameters],
      method: a.method ?? "GET",
      ...(a.templateResponse !== undefined ? { template_response: a.templateResponse } : {}),
    })),
    query: query.query,
    "relevant APIs": query.relevantApis.map(([t, a]) => [t, a]),
    query_id: queryId,
  };
}
