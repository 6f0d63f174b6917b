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
// import [--trees N] [--batch N] [--runs N] [--keep]
//   Writes a synthetic ToolBench-shaped corpus of N answer files (default 10,000; 126000 for the full
//   ToolBench size) and their instruction files, from the real files in ../shared/datasets; imports
//   it into a fresh embedded Postgres (durable settings, as users run it) — instructions first, then
//   answers, as ToolBench's data is imported — and prints trees/s and nodes/s for the answers; then,
//   as the ceiling, the rate of a raw COPY of the very same rows into empty tables with the same indexes.
//   --runs N repeats it on fresh databases and prints the median (these machines are noisy).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { formatBusy, measureCpu, processTreeSeconds, type CpuUse } from "@/lib/bench/cpu";
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

interface ImportRound {
  trees: number;
  nodes: number;
  seconds: number;
  cpu: CpuUse;
  /** CPU seconds the database server spent on the import (undefined where unknown) */
  serverSeconds?: number;
  ceiling: { seconds: number; trees: number; nodes: number };
  errors: { file: string; message: string }[];
}

/**
 * Writes what the system holds for the disk (the corpus just written, the last round's deleted
 * database) before a timed import, so the import is not measured against that writing: files to
 * import were usually written long before.
 */
function settleDisk(): void {
  try {
    execFileSync("sync", { stdio: "ignore", timeout: 120_000 });
  } catch {
    // no sync here: measured as it is
  }
}

/** One round: a fresh embedded Postgres, the instruction files, then the timed answers, then the COPY ceiling. */
async function importRound(benchDir: string, corpusDir: string, batchSize: number, label: string): Promise<ImportRound> {
  const dataDir = path.join(benchDir, `db-${Date.now()}`);
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
    settleDisk();
    const bar = progressPrinter(label);
    const endCpu = measureCpu();
    const serverBefore = processTreeSeconds(server.pid);
    const started = process.hrtime.bigint();
    const summary = await importFiles(files, {
      batchSize,
      onProgress: (p) => bar.update(p.filesDone, p.filesTotal, `· ${fmt(p.summary.nodes)} nodes`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = endCpu();
    const serverAfter = processTreeSeconds(server.pid);
    const serverSeconds = serverBefore !== undefined && serverAfter !== undefined ? serverAfter - serverBefore : undefined;
    bar.finish();
    await closeDatabaseClients();
    const ceiling = await copyCeiling(server.url, benchDir);
    return { trees: summary.trees, nodes: summary.nodes, seconds, cpu, serverSeconds, ceiling, errors: [...insSummary.errors, ...summary.errors] };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    for (const f of ["Tree.copy", "Node.copy"]) fs.rmSync(path.join(benchDir, f), { force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function benchImport(args: string[]): Promise<number> {
  const trees = Number(flag(args, "--trees") ?? 10_000);
  const batchSize = Number(flag(args, "--batch") ?? 200);
  const runs = Number(flag(args, "--runs") ?? 1);
  if (!Number.isInteger(trees) || trees < 1) {
    console.error("--trees must be a positive whole number");
    return 2;
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
    console.error("--runs must be a whole number from 1 to 20");
    return 2;
  }
  const keep = args.includes("--keep");
  const benchDir = path.join(projectRoot(), ".bench");
  const corpusDir = path.join(benchDir, `corpus-${trees}`);
  fs.mkdirSync(benchDir, { recursive: true, mode: 0o755 });

  console.log(`Writing a synthetic corpus of ${fmt(trees)} answer files to ${path.relative(projectRoot(), corpusDir)}…`);
  const gen = progressPrinter("corpus");
  const corpus = writeSyntheticCorpus(datasetsDir(), corpusDir, trees, (d) => gen.update(d, trees, ""));
  gen.update(trees, trees, "");
  gen.finish();
  console.log(`  ${fmt(corpus.files)} files, ${(corpus.bytes / 1024 ** 2).toFixed(0)} MB, from ${corpus.templates} real answer files`);

  const rounds: ImportRound[] = [];
  try {
    for (let r = 1; r <= runs; r++) {
      const round = await importRound(benchDir, corpusDir, batchSize, runs > 1 ? `import ${r}/${runs}` : "import");
      rounds.push(round);
      if (round.errors.length) {
        console.error(`  ${round.errors.length} files failed, e.g. ${round.errors[0]!.file}: ${round.errors[0]!.message}`);
        return 1;
      }
      const rate = round.nodes / round.seconds;
      const ceilingRate = round.ceiling.nodes / round.ceiling.seconds;
      console.log("");
      console.log(`answers: ${fmt(round.trees)} trees, ${fmt(round.nodes)} nodes in ${round.seconds.toFixed(2)} s`);
      console.log(`         ${fmt(round.trees / round.seconds)} trees/s, ${fmt(rate)} nodes/s (read + parse + write, batch ${batchSize})`);
      const server = round.serverSeconds === undefined ? "" : `, ${round.serverSeconds.toFixed(2)} in Postgres`;
      console.log(`         ${round.cpu.processSeconds.toFixed(2)} CPU s in this process (all threads)${server}; all ${os.availableParallelism()} cores ${formatBusy(round.cpu.busy)} busy`);
      console.log(`ceiling: raw COPY of the same ${fmt(round.ceiling.trees)} tree and ${fmt(round.ceiling.nodes)} node rows in ${round.ceiling.seconds.toFixed(2)} s`);
      console.log(`         ${fmt(round.ceiling.trees / round.ceiling.seconds)} trees/s, ${fmt(ceilingRate)} nodes/s`);
      console.log(`import reaches ${((rate / ceilingRate) * 100).toFixed(0)}% of the COPY ceiling`);
    }
    if (runs > 1) {
      const rates = rounds.map((r) => r.nodes / r.seconds);
      const ceilings = rounds.map((r) => r.ceiling.nodes / r.ceiling.seconds);
      console.log("");
      console.log(`over ${runs} runs: median ${fmt(median(rates))} nodes/s (best ${fmt(Math.max(...rates))}, worst ${fmt(Math.min(...rates))}); COPY ceiling median ${fmt(median(ceilings))} nodes/s`);
    }
    console.log(`peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return 0;
  } finally {
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
      console.error("Usage: npm run bench -- import [--trees N] [--batch N] [--runs N] [--keep]\n       npm run bench -- list [--trees N] [--reuse] [--keep-corpus] [--runs N] [--only TEXT]\n       npm run bench -- tree [--runs N] [--sizes 1000,10000] [--keep]\n       npm run bench -- solve [--instructions N] [--latency-instructions N]\n       npm run bench -- export [--trees N] [--reuse] [--formats openai,dpo]");
      return 2;
  }
}
