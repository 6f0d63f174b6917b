// `npm run bench:list [-- --trees N] [--reuse] [--keep-corpus] [--runs N] [--only TEXT]`: times the tree list
// (the service GET /api/trees calls, in-process: server time without HTTP) over a matrix of filter
// combinations on a ToolBench-sized varied corpus, and prints p50/p95 per combination. The target is
// p95 ≤ 100 ms everywhere; the figures are printed, never asserted (these machines are noisy).
import pg from "pg";
import { parseSearchParams } from "@/lib/core/schemas/search-params";
import { treeListFilter } from "@/lib/core/schemas/trees";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { getTreeFacets, listTreePage } from "@/lib/server/services/tree-list";
import { openListBenchDatabase } from "./list-bench-db";

const TARGET_MS = 100;

interface Case {
  name: string;
  query: string;
}

interface Picks {
  categoryCommon: string;
  categoryRare: string;
  toolCommon: number;
  toolRare: number;
  runBig: number;
  runSmall: number;
  reviewerTop: number;
  reviewerRare: number;
  wordAll: string;
  wordCommon: string;
  wordMid: string;
  wordRare: string;
  answerWord: string;
}

async function one<T>(client: pg.Client, text: string): Promise<T> {
  const r = await client.query(text);
  if (r.rows.length === 0) throw new Error(`The bench database has nothing for: ${text}`);
  return Object.values(r.rows[0])[0] as T;
}

/** Filter values at known frequencies in this corpus: a common and a rare one of each kind. */
async function pickValues(url: string): Promise<Picks> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const categoryCounts = `select * from (select c."standardizedName", count(*) as n from "Instruction" i, unnest(i."categoryIds") cid join "Category" c on c.id = cid group by 1) x`;
    const toolCounts = `select * from (select tid, count(*) as n from "Instruction" i, unnest(i."toolIds") tid group by 1) x`;
    const runCounts = `select * from (select "runId", count(*) as n from "Tree" where "runId" is not null group by 1) x`;
    const reviewerCounts = `select * from (select "reviewerId", count(*) as n from "Review" where "supersededAt" is null and "undoneAt" is null group by 1) x`;
    // stems with their document frequency; numbers (the variant ids) are not words anyone searches
    const words = (table: string) => `select word, ndoc from ts_stat('select search from "${table}"') where word ~ '^[a-z]{4,}$'`;
    await client.query(`create temp table query_words as ${words("Instruction")}`);
    const total = await one<number>(client, `select count(*)::int from "Tree"`);
    const band = (lo: number, hi: number) => `select word from query_words where ndoc between ${Math.round(total * lo)} and ${Math.round(total * hi)} order by ndoc desc, word limit 1`;
    return {
      categoryCommon: await one(client, `${categoryCounts} order by n desc limit 1`),
      categoryRare: await one(client, `${categoryCounts} order by abs(n - ${Math.round(total * 0.003)}) limit 1`),
      toolCommon: await one(client, `${toolCounts} order by n desc limit 1`),
      toolRare: await one(client, `${toolCounts} order by abs(n - 30) limit 1`),
      runBig: await one(client, `${runCounts} order by n desc limit 1`),
      runSmall: await one(client, `${runCounts} order by n limit 1`),
      reviewerTop: await one(client, `${reviewerCounts} order by n desc limit 1`),
      reviewerRare: await one(client, `${reviewerCounts} order by n limit 1`),
      wordAll: await one(client, `select word from query_words order by ndoc desc, word limit 1`),
      wordCommon: await one(client, band(0.25, 0.5)),
      wordMid: await one(client, band(0.01, 0.03)),
      wordRare: await one(client, `select word from query_words where ndoc between 10 and 100 order by ndoc desc, word limit 1`),
      answerWord: await one(client, `select word from (${words("Tree")}) w where word not in (select word from query_words where ndoc > 0) order by ndoc desc limit 1`),
    };
  } finally {
    await client.end();
  }
}

function matrix(p: Picks): Case[] {
  const c = (name: string, query: string): Case => ({ name, query });
  return [
    c("default: newest first", ""),
    c("oldest first", "dir=asc"),
    c("group", "group=G3"),
    c("category, common", `category=${p.categoryCommon}`),
    c("category, rare", `category=${p.categoryRare}`),
    c("tool, common", `tool=${p.toolCommon}`),
    c("tool, rare", `tool=${p.toolRare}`),
    c("method", "method=react"),
    c("model, common", "model=GPT4"),
    c("model, rare", "model=Vicuna-7b"),
    c("run, big", `run=${p.runBig}`),
    c("run, small", `run=${p.runSmall}`),
    c("finish type", "finish=give_up"),
    c("no finish type", "finish=none"),
    c("invalid", "valid=no"),
    c("review status, common", "status=unreviewed"),
    c("review status, rare", "status=rejected"),
    c("reviewer, busiest", `reviewer=${p.reviewerTop}`),
    c("reviewer, least busy", `reviewer=${p.reviewerRare}`),
    c("hallucinated", "hallucinated=yes"),
    c("API error", "apiError=yes"),
    c("give-up", "giveUp=yes"),
    c("no API error", "apiError=no"),
    c("size range", "sizeMin=20&sizeMax=40"),
    c("large trees", "sizeMin=60"),
    c("deep trees", "depthMin=10"),
    c("text, in every query", `q=${p.wordAll}`),
    c("text, common", `q=${p.wordCommon}`),
    c("text, 1-3%", `q=${p.wordMid}`),
    c("text, rare", `q=${p.wordRare}`),
    c("text, final answers only", `q=${p.answerWord}`),
    c("text, two words", `q=${p.wordCommon}+${p.wordMid}`),
    c("text, no match", "q=zzyzzyva"),
    c("text + group", `q=${p.wordCommon}&group=G2`),
    c("text + status", `q=${p.wordMid}&status=approved`),
    c("text + sort by size", `q=${p.wordCommon}&sort=size`),
    c("text + tool", `q=${p.wordCommon}&tool=${p.toolCommon}`),
    c("group + finish type", "group=G2&finish=give_up"),
    c("model + invalid", "model=GPT4&valid=no"),
    c("method + finish (none match)", "method=react&finish=give_up"),
    c("status + reviewer", `status=approved&reviewer=${p.reviewerTop}`),
    c("hallucinated + API error", "hallucinated=yes&apiError=yes"),
    c("category + tool", `category=${p.categoryCommon}&tool=${p.toolCommon}`),
    c("run + model", `run=${p.runBig}&model=Claude-2`),
    c("valid + no API error", "valid=yes&apiError=no"),
    c("five filters", "group=G1&model=ChatGPT&valid=yes&status=unreviewed&hallucinated=no"),
    c("sort: size", "sort=size"),
    c("sort: size, smallest", "sort=size&dir=asc"),
    c("sort: depth", "sort=depth"),
    c("sort: LLM calls", "sort=calls"),
    c("sort: errors", "sort=errors"),
    c("sort: errors + group", "group=G1&sort=errors"),
    c("sort: size + invalid", "valid=no&sort=size"),
    c("sort: calls + unreviewed", "status=unreviewed&sort=calls"),
    c("page 200", "page=200"),
    c("last page", "page=2520"),
    c("page 200, sort by size", "sort=size&page=200"),
    c("page 200, sort by errors", "sort=errors&page=200"),
    c("page 100 of a group", "group=G1&page=100"),
    c("page 20 of a text search", `q=${p.wordCommon}&page=20`),
    c("200 a page", "pageSize=200&sort=calls"),
    c("everything", `q=${p.wordCommon}&group=G1&model=ChatGPT&valid=yes&hallucinated=no&sizeMin=10&sort=errors`),
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(run: () => Promise<unknown>, runs: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await run(); // warm the plan cache and the buffers
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export async function benchList(args: string[]): Promise<number> {
  const trees = Number(flag(args, "--trees") ?? 126_000);
  const runs = Number(flag(args, "--runs") ?? 25);
  if (!Number.isInteger(trees) || trees < 100 || !Number.isInteger(runs) || runs < 1) {
    console.error("--trees must be a whole number of at least 100, --runs a positive whole number");
    return 2;
  }
  const db = await openListBenchDatabase({ trees, reuse: args.includes("--reuse"), keepCorpus: args.includes("--keep-corpus") });
  try {
    const only = flag(args, "--only");
    const cases = matrix(await pickValues(db.server.url)).filter((c) => !only || c.name.includes(only) || c.query.includes(only));
    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (n: number) => n.toFixed(1).padStart(7);
    console.log(`\n${pad("combination", 30)} ${pad("matches", 8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)}  query`);
    const results: { name: string; p95: number }[] = [];
    for (const c of cases) {
      // what the route does: parse the query string, then read the page
      const load = () => {
        const parsed = parseSearchParams(treeListFilter, new URLSearchParams(c.query));
        if (!parsed.ok) throw new Error(`${c.name}: ${parsed.message}`);
        return listTreePage(parsed.value);
      };
      const page = await load();
      const t = await time(load, runs);
      const matches = page.totalKind === "exact" ? String(page.total) : page.totalKind === "atLeast" ? `${page.total}+` : `~${page.total}`;
      console.log(`${pad(c.name, 30)} ${pad(matches, 8)} ${num(t.p50)} ${num(t.p95)}${t.p95 > TARGET_MS ? " ✗" : "  "} ${c.query || "(none)"}`);
      results.push({ name: c.name, p95: t.p95 });
    }
    const facets = await time(() => getTreeFacets(), runs);
    console.log(`${pad("filter options (facets)", 30)} ${pad("", 8)} ${num(facets.p50)} ${num(facets.p95)}   GET /api/trees/facets`);
    if (results.length === 0) return 0;
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const over = results.filter((r) => r.p95 > TARGET_MS);
    console.log(`\nworst p95: ${worst.p95.toFixed(1)} ms (${worst.name}); ${over.length === 0 ? `every combination within ${TARGET_MS} ms` : `${over.length} over ${TARGET_MS} ms: ${over.map((r) => r.name).join(", ")}`}`);
    return 0;
  } finally {
    await closeDatabaseClients();
    await db.server.stop();
  }
}
