// Catalog-building file kinds: instruction files (whose api_list carries API docs), toolenv tool
// files, response_examples files and test query-id lists.
import { groupFromPath, type FileContext } from "./file-context";
import {
  asArray,
  asId,
  asObject,
  asString,
  fail,
  index,
  isObject,
  key,
  optString,
  type Json,
  type JsonObject,
} from "./json-shape";
import { standardize } from "./names";
import type { ApiParameter, CatalogApi, CatalogTool, ParsedFile, ParsedInstruction, SampledApi } from "./types";

function parameters(v: Json | undefined, path: string): ApiParameter[] {
  if (v === undefined || v === null) return [];
  return asArray(v, path).map((p, i) => {
    const at = index(path, i);
    const o = asObject(p, at);
    return {
      name: asString(o.name, key(at, "name")),
      type: typeof o.type === "string" ? o.type : "STRING",
      description: typeof o.description === "string" ? o.description : "",
      default: o.default ?? "",
    };
  });
}

/** Groups api_list entries of instruction files into tools (one CatalogTool per category + tool). */
class CatalogCollector {
  private tools = new Map<string, CatalogTool>();
  private apiNames = new Map<string, Set<string>>();

  add(category: string, toolName: string, api: CatalogApi): void {
    const std = standardize(toolName);
    const k = `${category}\u0000${std}`;
    let tool = this.tools.get(k);
    if (!tool) {
      tool = { category, name: toolName, standardizedName: std, apis: [] };
      this.tools.set(k, tool);
      this.apiNames.set(k, new Set());
    }
    const names = this.apiNames.get(k)!;
    if (names.has(api.name)) return; // the same API appears in many instructions
    names.add(api.name);
    tool.apis.push(api);
  }

  result(): CatalogTool[] {
    return [...this.tools.values()];
  }
}

/** `firstIndex`: where `data` starts in the file's array (files too large to parse whole come in parts). */
export function parseInstructions(data: Json[], filePath: string, firstIndex = 0): Extract<ParsedFile, { kind: "instructions" }> {
  const group = groupFromPath(filePath);
  const catalog = new CatalogCollector();
  const instructions: ParsedInstruction[] = data.map((item, i) => {
    const at = index("$", firstIndex + i);
    const o = asObject(item, at);
    const query = asString(o.query, key(at, "query"));
    if (query.trim() === "") fail("the query is empty", key(at, "query"));
    const sampledApis: SampledApi[] = [];
    if (o.api_list !== undefined && o.api_list !== null) {
      asArray(o.api_list, key(at, "api_list")).forEach((a, j) => {
        const ap = index(key(at, "api_list"), j);
        const api = asObject(a, ap);
        const category = asString(api.category_name, key(ap, "category_name"));
        const tool = asString(api.tool_name, key(ap, "tool_name"));
        const name = asString(api.api_name, key(ap, "api_name"));
        sampledApis.push({ category, tool, api: name });
        catalog.add(category, tool, {
          name,
          description: typeof api.api_description === "string" ? api.api_description : "",
          method: typeof api.method === "string" ? api.method : "GET",
          requiredParameters: parameters(api.required_parameters, key(ap, "required_parameters")),
          optionalParameters: parameters(api.optional_parameters, key(ap, "optional_parameters")),
          responseSchema: api.template_response ?? undefined,
        });
      });
    }
    const relevantApis: [string, string][] = [];
    const rel = o["relevant APIs"] ?? o.relevant_apis;
    if (rel !== undefined && rel !== null) {
      asArray(rel, key(at, "relevant APIs")).forEach((pair, j) => {
        const pp = index(key(at, "relevant APIs"), j);
        const arr = asArray(pair, pp);
        if (arr.length < 2) fail("expected a [tool, api] pair", pp);
        relevantApis.push([asString(arr[0], index(pp, 0)), asString(arr[1], index(pp, 1))]);
      });
    }
    const externalId = o.query_id === undefined || o.query_id === null ? undefined : asId(o.query_id, key(at, "query_id"));
    return { group, externalId, query, sampledApis, relevantApis };
  });
  return { kind: "instructions", instructions, catalog: catalog.result() };
}

/** toolenv/tools/<Category>/<tool>.json */
export function parseToolFile(o: JsonObject, ctx: FileContext): ParsedFile {
  const name = asString(o.tool_name, "$.tool_name");
  const category =
    optString(o.category_name, "$.category_name") ?? optString(o.category, "$.category") ?? ctx.parentDir;
  if (!category) fail("the tool's category is unknown (no category field and no parent folder)", "$");
  const standardizedName = optString(o.standardized_name, "$.standardized_name") ?? (ctx.stem || standardize(name));
  const apis = asArray(o.api_list, "$.api_list").map((a, i): CatalogApi => {
    const at = index("$.api_list", i);
    const api = asObject(a, at);
    return {
      name: asString(api.name ?? api.api_name, key(at, "name")),
      description: typeof api.description === "string" ? api.description : "",
      method: typeof api.method === "string" ? api.method : "GET",
      url: optString(api.url, key(at, "url")),
      requiredParameters: parameters(api.required_parameters, key(at, "required_parameters")),
      optionalParameters: parameters(api.optional_parameters, key(at, "optional_parameters")),
      responseSchema: isObject(api.schema) && Object.keys(api.schema).length > 0 ? api.schema : undefined,
      testEndpoint: api.test_endpoint === "" || api.test_endpoint === undefined ? undefined : api.test_endpoint,
      statusCode: typeof api.statuscode === "number" ? api.statuscode : undefined,
    };
  });
  const tool: CatalogTool = {
    category,
    name,
    standardizedName,
    description: optString(o.tool_description, "$.tool_description") ?? "",
    title: optString(o.title, "$.title"),
    host: optString(o.host, "$.host"),
    homeUrl: optString(o.home_url, "$.home_url"),
    pricing: optString(o.pricing, "$.pricing"),
    score: o.score ?? undefined,
    apis,
  };
  return { kind: "tool", catalog: [tool] };
}

/** toolenv/response_examples/<Category>/<tool>.json: {"api_list": [{"name", "schema"}]} */
export function parseResponseExamples(o: JsonObject, ctx: FileContext): ParsedFile {
  if (!ctx.parentDir) fail("a response_examples file must sit in its category's folder", "$");
  const schemas = asArray(o.api_list, "$.api_list").map((a, i) => {
    const at = index("$.api_list", i);
    const api = asObject(a, at);
    return { api: asString(api.name ?? api.api_name, key(at, "name")), schema: api.schema ?? null };
  });
  return { kind: "response_examples", category: ctx.parentDir, toolStandardizedName: ctx.stem, schemas };
}

/** solvable_queries/test_query_ids/G1_instruction.json: {"<qid>": 0, ...} */
export function parseQueryIds(o: JsonObject, ctx: FileContext, filePath: string): ParsedFile {
  return { kind: "query_ids", setName: ctx.stem, group: groupFromPath(filePath), queryIds: Object.keys(o) };
}
