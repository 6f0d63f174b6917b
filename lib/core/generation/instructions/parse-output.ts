// Reads a generation reply into queries and the APIs each one names. Models rarely write exactly the
// format asked for, so this accepts a JSON array (possibly fenced, wrapped in an object, with Python
// quoting or trailing commas) and, failing that, the "Query1: …, 'related apis': [[tool, api], …]"
// text form of ToolBench's own prompt. What cannot be read is reported, not guessed.
import { findLiteral, type Literal } from "./literal";

export interface GeneratedQuery {
  query: string;
  /** [tool, api] pairs as the model wrote them. */
  relevantApis: [string, string][];
}

export interface ParsedGeneration {
  queries: GeneratedQuery[];
  /** Parts of the reply that could not be read, in words. */
  problems: string[];
}

const QUERY_KEY = /^(query|instruction|question|request|user[\s_]?query)[\s_-]*\d*$/i;
const RELATED_KEY = /^(related|relevant)[\s_-]*apis?$|^api[\s_]?list$|^apis$/i;

type LiteralObject = { [key: string]: Literal };
const isRecord = (v: Literal | undefined): v is LiteralObject => typeof v === "object" && v !== null && !Array.isArray(v);

function readPair(v: Literal): [string, string] | undefined {
  if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string") return [v[0], v[1]];
  if (isRecord(v)) {
    const tool = v.tool_name ?? v.tool;
    const api = v.api_name ?? v.api ?? v.name;
    if (typeof tool === "string" && typeof api === "string") return [tool, api];
  }
  return undefined;
}

function readPairs(v: Literal | undefined, where: string, problems: string[]): [string, string][] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push(`${where}: related APIs are not a list`);
    return [];
  }
  // A single pair written flat: ["tool", "api"].
  if (v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string") return [[v[0], v[1]]];
  const pairs: [string, string][] = [];
  for (const item of v) {
    const pair = readPair(item);
    if (pair) pairs.push(pair);
    else problems.push(`${where}: unreadable related API ${JSON.stringify(item)}`);
  }
  return pairs;
}

function readItem(item: Literal, where: string, problems: string[]): GeneratedQuery | undefined {
  if (!isRecord(item)) {
    problems.push(`${where}: not an object`);
    return undefined;
  }
  const keys = Object.keys(item);
  const queryKey = keys.find((k) => QUERY_KEY.test(k.trim()) && typeof item[k] === "string");
  if (!queryKey) {
    problems.push(`${where}: no query`);
    return undefined;
  }
  const relatedKey = keys.find((k) => RELATED_KEY.test(k.trim()));
  return { query: (item[queryKey] as string).trim(), relevantApis: readPairs(relatedKey ? item[relatedKey] : undefined, where, problems) };
}

const looksLikeQueries = (v: Literal): v is Literal[] => Array.isArray(v) && v.some((x) => isRecord(x) && Object.keys(x).some((k) => QUERY_KEY.test(k.trim())));

/** The array of query objects in the reply, if there is one (bare, or as a value of a wrapping object). */
function findQueryArray(text: string): Literal[] | undefined {
  for (let from = 0; ; ) {
    const found = findLiteral(text, "[{", from);
    if (!found) return undefined;
    if (looksLikeQueries(found.value)) return found.value;
    if (isRecord(found.value)) {
      const inner = Object.values(found.value).find(looksLikeQueries);
      if (inner) return inner as Literal[];
    }
    from = found.start + 1;
  }
}

const QUERY_MARKER = /(?:^|\n)[^\S\n]*(?:[-*#]+[^\S\n]*)?(?:\d+[.)][^\S\n]*)?["']?(?:query|instruction)[^\S\n]*\d*["']?[^\S\n]*[:：]/gi;
const RELATED_MARKER = /["']?(?:related|relevant)[\s_-]*apis?["']?\s*[:：=]?/i;

/** The text form: "Query1: <text>, 'related apis': [[tool, api], ...]" blocks. */
function readTextBlocks(text: string, problems: string[]): GeneratedQuery[] {
  const markers = [...text.matchAll(QUERY_MARKER)];
  const out: GeneratedQuery[] = [];
  markers.forEach((m, k) => {
    const where = `query ${k + 1}`;
    const block = text.slice(m.index! + m[0].length, markers[k + 1]?.index ?? text.length);
    const related = RELATED_MARKER.exec(block);
    const queryText = (related ? block.slice(0, related.index) : block).trim().replace(/[,;]+$/, "").trim().replace(/^["'“]|["'”]$/g, "").trim();
    if (queryText === "") {
      problems.push(`${where}: no query`);
      return;
    }
    const list = related ? findLiteral(block, "[(", related.index + related[0].length) : undefined;
    if (related && !list) problems.push(`${where}: unreadable related APIs`);
    out.push({ query: queryText, relevantApis: list ? readPairs(list.value, where, problems) : [] });
  });
  return out;
}

export function parseGeneratedQueries(reply: string): ParsedGeneration {
  const problems: string[] = [];
  const text = reply.replace(/```[a-zA-Z]*\n?/g, "");
  const array = findQueryArray(text);
  if (array) {
    const queries = array.flatMap((item, i) => readItem(item, `item ${i + 1}`, problems) ?? []);
    return { queries, problems };
  }
  const queries = readTextBlocks(text, problems);
  if (queries.length === 0) problems.push("no queries found in the reply");
  return { queries, problems };
}
