// `npm run bench -- <name>` / `npm run bench:import`: benchmarks that print figures (never asserted
// in tests: these machines are noisy).
//
// solve [--instructions N] [--latency-instructions N]
//   Orchestration overhead per LLM step against a zero-latency fake endpoint, and throughput with
//   500 ms latency at concurrency 32 (see lib/bench/solve-bench.ts).
//
// export [--trees N] [--reuse] [--formats a,b]
//   Export throughput (trees/s) and peak memory per format on a synthetic corpus (see
//   lib/bench/export-bench.ts).
//
// import [--trees N] [--batch N] [--keep]
//   Writes a synthetic ToolBench-shaped corpus of N answer files (default 10,000; 126000 for the full
//   ToolBench size) and their instruction files, from the real files in ../shared/datasets; imports
//   it into a fresh embedded Postgres (durable settings, as users run it) — instructions first, then
//   answers, as ToolBench's data is imported — and prints trees/s and nodes/s for the answers; then,
//   as the ceiling, the rate of a raw COPY of the very same rows into empty tables with the same indexes.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { writeSyntheticCorpus } from "@/lib/bench/synthetic-corpus";
import { projectRoot, setDatabaseUrl } from "@/lib/server/env";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { expandInputs, importFiles } from "@/lib/server/services/import-files";
import { datasetsDir } from "@/lib/test/datasets";
import { progressPrinter } from "../progress";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function copyCeiling(url: string, dir: string): Promise<{ seconds: number; trees: number; nodes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dump = async (table: string) => {
      const file = path.join(dir, `${table}.copy`);
      await pipeline(client.query(copyTo(`copy "${table}" to stdout`)), fs.createWriteStream(file));
      return file;
    };
    const treeFile = await dump("Tree");
    const nodeFile = await dump("Node");
    // Same columns, indexes, constraints and generated columns as the real tables.
    await client.query(`create table "TreeCeiling" (like "Tree" including all)`);
    await client.query(`create table "NodeCeiling" (like "Node" including all)`);
    await client.query("checkpoint");
    const started = process.hrtime.bigint();
    await client.query("begin");
    // COPY without a column list skips generated columns both ways; search vectors are computed on load, as in the import.
    await pipeline(fs.createReadStream(treeFile), client.query(copyFrom(`copy "TreeCeiling" from stdin`)));
    await pipeline(fs.createReadStream(nodeFile), client.query(copyFrom(`copy "NodeCeiling" from stdin`)));
    await client.query("commit");
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const counts = (await client.query(`select (select count(*) from "TreeCeiling")::int as trees, (select count(*) from "NodeCeiling")::int as nodes`)).rows[0];
    return { seconds, trees: counts.trees, nodes: counts.nodes };
  } finally {
    await client.end();
  }
}

async function benchImport(args: string[]): Promise<number> {
  const trees = Number(flag(args, "--trees") ?? 10_000);
  const batchSize = Number(flag(args, "--batch") ?? 200);
  if (!Number.isInteger(trees) || trees < 1) {
    console.error("--trees must be a positive whole number");
    return 2;
  }
  const keep = args.includes("--keep");
  const benchDir = path.join(projectRoot(), ".bench");
  const corpusDir = path.join(benchDir, `corpus-${trees}`);
  const dataDir = path.join(benchDir, `db-${Date.now()}`);
  fs.mkdirSync(benchDir, { recursive: true, mode: 0o755 });

  console.log(`Writing a synthetic corpus of ${fmt(trees)} answer files to ${path.relative(projectRoot(), corpusDir)}…`);
  const gen = progressPrinter("corpus");
  const corpus = writeSyntheticCorpus(datasetsDir(), corpusDir, trees, (d) => gen.update(d, trees, ""));
  gen.update(trees, trees, "");
  gen.finish();
  console.log(`  ${fmt(corpus.files)} files, ${(corpus.bytes / 1024 ** 2).toFixed(0)} MB, from ${corpus.templates} real answer files`);

  const server = await startEmbeddedPostgres({ dataDir });
  try {
    await migrateDeploy(projectRoot(), server.url);
    setDatabaseUrl(server.url);
    // ToolBench's order: the instruction files (which also build the catalog), then the answers.
    const ins = expandInputs([path.join(corpusDir, "instruction")]).files;
    const insStarted = process.hrtime.bigint();
    const insSummary = await importFiles(ins);
    const insSeconds = Number(process.hrtime.bigint() - insStarted) / 1e9;
    console.log(`  instructions: ${fmt(insSummary.instructions)} instructions, ${fmt(insSummary.apis)} APIs in ${insSeconds.toFixed(2)} s`);

    const { files } = expandInputs([path.join(corpusDir, "answer")]);
    const bar = progressPrinter("import");
    const started = process.hrtime.bigint();
    const summary = await importFiles(files, {
      batchSize,
      onProgress: (p) => bar.update(p.filesDone, p.filesTotal, `· ${fmt(p.summary.nodes)} nodes`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bar.finish();
    await closeDatabaseClients();
    const errors = [...insSummary.errors, ...summary.errors];
    if (errors.length) console.error(`  ${errors.length} files failed, e.g. ${errors[0]!.file}: ${errors[0]!.message}`);

    const ceiling = await copyCeiling(server.url, benchDir);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log("");
    console.log(`answers: ${fmt(summary.trees)} trees, ${fmt(summary.nodes)} nodes in ${seconds.toFixed(2)} s`);
    console.log(`         ${fmt(summary.trees / seconds)} trees/s, ${fmt(summary.nodes / seconds)} nodes/s (read + parse + write, batch ${batchSize})`);
    console.log(`ceiling: raw COPY of the same ${fmt(ceiling.trees)} tree and ${fmt(ceiling.nodes)} node rows in ${ceiling.seconds.toFixed(2)} s`);
    console.log(`         ${fmt(ceiling.trees / ceiling.seconds)} trees/s, ${fmt(ceiling.nodes / ceiling.seconds)} nodes/s`);
    console.log(`import reaches ${((summary.nodes / seconds / (ceiling.nodes / ceiling.seconds)) * 100).toFixed(0)}% of the COPY ceiling; peak memory ${rss.toFixed(0)} MB`);
    return errors.length ? 1 : 0;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    for (const f of ["Tree.copy", "Node.copy"]) fs.rmSync(path.join(benchDir, f), { force: true });
    if (!keep) fs.rmSync(corpusDir, { recursive: true, force: true });
  }
}

export async function benchCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  switch (name) {
    case "import":
      return benchImport(rest);
    case "list":
      return (await import("@/lib/bench/list-bench")).benchList(rest);
    case "tree":
      return (await import("@/lib/bench/tree-bench")).benchTree(rest);
    case "solve":
      return (await import("@/lib/bench/solve-bench")).benchSolve(rest);
    case "export":
      return (await import("@/lib/bench/export-bench")).benchExport(rest);
    default:
      console.error("Usage: npm run bench -- import [--trees N] [--batch N] [--keep]\n       npm run bench -- list [--trees N] [--reuse] [--keep-corpus] [--runs N] [--only TEXT]\n       npm run bench -- tree [--runs N] [--sizes 1000,10000] [--keep]\n       npm run bench -- solve [--instructions N] [--latency-instructions N]\n       npm run bench -- export [--trees N] [--reuse] [--formats openai,dpo]");
      return 2;
  }
}
