// `npm run bench:export`: export throughput (trees/s) and memory on a synthetic ToolBench-shaped
// corpus. The corpus (real answer files varied into N, see synthetic-corpus.ts) is imported once into
// an embedded Postgres under .bench/ (kept for `--reuse`), then every format is exported through the
// same service the worker and the CLI use, to a snapshot file. Memory is the process's resident set,
// sampled after every batch while an export runs (its peak), beside the baseline before exports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatBusy, measureCpu } from "@/lib/bench/cpu";
import { writeSyntheticCorpus } from "@/lib/bench/synthetic-corpus";
import { progressPrinter } from "@/lib/cli/progress";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/core/export/format-info";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { pool } from "@/lib/server/db/pool";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { projectRoot, setDatabaseUrl } from "@/lib/server/env";
import { runExportNow } from "@/lib/server/services/export-execution";
import { expandInputs, importFiles } from "@/lib/server/services/import-files";
import { datasetsDir } from "@/lib/test/datasets";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const READY = "export-bench-ready.json";
const JSONL_FORMATS: ExportFormat[] = ["train_messages", "toolllama", "openai", "sharegpt", "retriever", "dpo"];

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export async function benchExport(args: string[]): Promise<number> {
  const trees = Number(flag(args, "--trees") ?? 10_000);
  if (!Number.isInteger(trees) || trees < 1) {
    console.error("--trees must be a positive whole number");
    return 2;
  }
  const runs = Number(flag(args, "--runs") ?? 1);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("--runs must be a positive whole number");
    return 2;
  }
  const only = flag(args, "--formats")?.split(",") ?? [...JSONL_FORMATS, "toolbench_answers", "parquet"];
  const formats = only.filter((f): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f));
  const benchDir = path.join(projectRoot(), ".bench");
  const dbDir = path.join(benchDir, `export-db-${trees}`);
  const corpusDir = path.join(benchDir, `export-corpus-${trees}`);
  const outDir = path.join(benchDir, `export-out-${Date.now()}`);
  const ready = path.join(dbDir, READY);
  const reuse = args.includes("--reuse") && fs.existsSync(ready);
  if (!reuse) fs.rmSync(dbDir, { recursive: true, force: true });
  fs.mkdirSync(dbDir, { recursive: true, mode: 0o755 });
  process.env.ARBOR_DATA_DIR = outDir;

  const server = await startEmbeddedPostgres({ dataDir: dbDir, fast: true });
  try {
    await migrateDeploy(projectRoot(), server.url);
    setDatabaseUrl(server.url);
    if (reuse) console.log(`Reusing the bench database in ${path.relative(projectRoot(), dbDir)}`);
    else {
      console.log(`Writing a synthetic corpus of ${fmt(trees)} answer files…`);
      const gen = progressPrinter("corpus");
      writeSyntheticCorpus(datasetsDir(), corpusDir, trees, (d) => gen.update(d, trees, ""));
      gen.finish();
      await importFiles(expandInputs([path.join(corpusDir, "instruction")]).files);
      const bar = progressPrinter("import");
      const s = await importFiles(expandInputs([path.join(corpusDir, "answer")]).files, { onProgress: (p) => bar.update(p.filesDone, p.filesTotal, "") });
      bar.finish();
      if (s.errors.length) throw new Error(`${s.errors.length} files failed, e.g. ${s.errors[0]!.file}: ${s.errors[0]!.message}`);
      console.log(`  ${fmt(s.trees)} trees, ${fmt(s.nodes)} nodes imported`);
      // what autovacuum would do soon after an import (visibility, hint bits, statistics), done now so
      // that it does not run in the background of the first measurements
      await pool().query("vacuum (analyze)");
      fs.writeFileSync(ready, JSON.stringify({ trees, builtAt: new Date().toISOString() }));
      fs.rmSync(corpusDir, { recursive: true, force: true });
    }
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    console.log(`\nExporting every tree${runs > 1 ? `, ${runs} times per format (the median run is shown)` : ""}; resident memory before exports: ${mb(baseline)}`);
    console.log("The first JSONL export also starts this process's export threads.\n");
    console.log(`${"format".padEnd(18)} ${"trees".padStart(8)} ${"records".padStart(9)} ${"seconds".padStart(8)} ${"trees/s".padStart(9)} ${"file".padStart(8)} ${"peak RSS".padStart(9)} ${"CPU s".padStart(7)} ${"busy".padStart(5)}`);
    console.log(`${"".padEnd(18)} ${"".padStart(63)} (this process's CPU time, all threads; how busy all ${os.availableParallelism()} cores were)`);
    let overallPeak = baseline;
    const jsonlRates: number[] = [];
    for (const format of formats) {
      const results: { line: string; rate: number }[] = [];
      for (let run = 0; run < runs; run++) {
        let peak = process.memoryUsage().rss;
        // the resident set as the export goes (a quarter, half, all the way): flat memory stays level
        const marks: number[] = [];
        const endCpu = measureCpu();
        const started = process.hrtime.bigint();
        const r = await runExportNow({ format, query: "" }, (p) => {
          const rss = process.memoryUsage().rss;
          peak = Math.max(peak, rss);
          if (marks.length < 3 && p.done >= (p.total * (marks.length + 1)) / 4) marks.push(rss);
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = endCpu();
        peak = Math.max(peak, process.memoryUsage().rss);
        overallPeak = Math.max(overallPeak, peak);
        const rate = r.trees / seconds;
        results.push({
          rate,
          line:
            `${format.padEnd(18)} ${fmt(r.trees).padStart(8)} ${fmt(r.records).padStart(9)} ${seconds.toFixed(2).padStart(8)} ${fmt(rate).padStart(9)} ${mb(r.bytes).padStart(8)} ${mb(peak).padStart(9)}` +
            ` ${cpu.processSeconds.toFixed(2).padStart(7)} ${formatBusy(cpu.busy).padStart(5)}` +
            `   (RSS at 25/50/75%: ${marks.map(mb).join(" / ")})`,
        });
        fs.rmSync(r.path, { force: true });
      }
      // the median run (of an odd number; the lower middle of an even one), and every run's rate
      const sorted = [...results].sort((x, y) => x.rate - y.rate);
      const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
      if (JSONL_FORMATS.includes(format)) jsonlRates.push(median.rate);
      console.log(median.line + (runs > 1 ? `  runs: ${results.map((x) => fmt(x.rate)).join(" / ")} trees/s` : ""));
    }
    console.log("");
    if (jsonlRates.length) console.log(`JSONL formats: ${fmt(Math.min(...jsonlRates))}–${fmt(Math.max(...jsonlRates))} trees/s (target ≥ 5,000)`);
    console.log(`peak resident memory while exporting: ${mb(overallPeak)} (${mb(overallPeak - baseline)} above the ${mb(baseline)} before exports); process peak ${mb(process.resourceUsage().maxRSS * 1024)}`);
    return 0;
  } finally {
    await closeDatabaseClients();
    await server.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
