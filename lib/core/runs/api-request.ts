// A model's call as the HTTP request to the API's URL. The model saw parameter names standardized
// (ToolBench's `change_name(standardize(name))`), so they are mapped back to the names the API
// documents; `{name}` and `:name` in the URL path are filled in; GET-like methods send the rest as
// the query string, others as a JSON body. RapidAPI hosts get their key and host headers.
import { changeName, standardize } from "../toolbench/names";
import type { ApiParameter } from "../toolbench/types";

export interface CallableApi {
  url: string | null;
  method?: string;
  /** The tool's RapidAPI host, when the catalog knows it. */
  host: string | null;
  requiredParameters: readonly Partial<ApiParameter>[];
  optionalParameters: readonly Partial<ApiParameter>[];
}

export interface ApiRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export type BuiltRequest = { ok: true; request: ApiRequest; needsRapidApiKey: boolean } | { ok: false; reason: string };

const asParam = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

export function buildApiRequest(api: CallableApi, args: Record<string, unknown>, rapidApiKey: string | undefined): BuiltRequest {
  if (!api.url) return { ok: false, reason: "the catalog has no URL for this API" };
  let url: URL;
  try {
    url = new URL(api.url);
  } catch {
    return { ok: false, reason: `the API's URL is not valid: ${api.url}` };
  }
  // model-facing name → documented name
  const documented = new Map<string, string>();
  for (const p of [...api.requiredParameters, ...api.optionalParameters]) if (p.name) documented.set(changeName(standardize(p.name)), p.name);
  const values = new Map<string, unknown>();
  for (const [k, v] of Object.entries(args)) if (v !== undefined && v !== null) values.set(documented.get(k) ?? k, v);

  let path = decodeURI(url.pathname);
  path = path.replace(/\{([^}/]+)\}|:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (!values.has(name)) return whole;
    const v = values.get(name);
    values.delete(name);
    return encodeURIComponent(asParam(v));
  });
  url.pathname = path;

  const method = (api.method || "GET").toUpperCase();
  const headers: Record<string, string> = { accept: "application/json, text/plain;q=0.9, */*;q=0.5", "user-agent": "Arbor" };
  let body: string | undefined;
  if (method === "GET" || method === "DELETE" || method === "HEAD") {
    for (const [k, v] of values) url.searchParams.append(k, asParam(v));
  } else if (values.size > 0) {
    body = JSON.stringify(Object.fromEntries(values));
    headers["content-type"] = "application/json";
  }
  const rapidHost = api.host ?? (url.hostname.endsWith(".rapidapi.com") ? url.hostname : null);
  const needsRapidApiKey = rapidHost !== null && rapidHost.endsWith("rapidapi.com");
  if (needsRapidApiKey && rapidApiKey) {
    headers["X-RapidAPI-Key"] = rapidApiKey;
    headers["X-RapidAPI-Host"] = rapidHost;
  }
  return { ok: true, request: { url: url.toString(), method, headers, ...(body !== undefined ? { body } : {}) }, needsRapidApiKey };
}
