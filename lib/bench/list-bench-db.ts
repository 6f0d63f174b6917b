// The list benchmark's database: a varied synthetic corpus (corpus-variety.ts) imported once into an
// embedded Postgres kept under .bench/, one run per answer folder, with reviews from a few
// reviewers, vacuumed and analyzed. Later runs reuse it (`--reuse`), since building it takes minutes.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SOLVE_RUNS } from "@/lib/bench/corpus-variety";
import { writeSyntheticCorpus } from "@/lib/bench/synthetic-corpus";
import { progressPrinter } from "@/lib/cli/progress";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { projectRoot, setDatabaseUrl } from "@/lib/server/env";
import { expandInputs, importFiles } from "@/lib/server/services/import-files";
import { datasetsDir } from "@/lib/test/datasets";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const READY = "list-bench-ready.json";

export interface ListBenchDatabase {
  server: EmbeddedServer;
  trees: number;
  reused: boolean;
}

async function sql(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

async function createRun(url: string, title: string, kind: "import" | "solve"): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`insert into "Run" (kind, status, title) values ($1, 'succeeded', $2) returning id`, [kind, title]);
    return r.rows[0].id as number;
  } finally {
    await client.end();
  }
}

// Six reviewers, one of whom does half the work; a fifth of the trees reviewed by one to three of
// them; some reviews revised (the old one superseded) and some undone (no current review left); the
// tree's status follows its current reviews, and a few unreviewed trees are claimed (in_review).
const REVIEW_SQL = [
  `select setseed(0.42)`,
  `insert into "User" (email, name, role, "updatedAt")
     select 'reviewer' || g || '@bench.test', 'Bench reviewer ' || g, 'reviewer', now() from generate_series(1, 6) g`,
  `create temp table bench_pairs as
     with reviewed as (
       select id, case when r < 0.03 then 3 when r < 0.08 then 2 else 1 end as k
       from (select id, random() as r from "Tree") x where r < 0.2
     ), reviewers as (select array_agg(id order by id) as ids from "User" where email like '%@bench.test')
     select distinct t.id as tree_id, u.ids[1 + floor(6 * power(random(), 2.5))::int] as reviewer_id
     from reviewed t cross join reviewers u cross join generate_series(1, 3) s where s <= t.k`,
  `insert into "Review" ("treeId", "reviewerId", verdict, "createdAt", "supersededAt")
     select tree_id, reviewer_id, 'needs_fix', now() - interval '2 days', now() - interval '1 day' from bench_pairs where random() < 0.15`,
  `insert into "Review" ("treeId", "reviewerId", verdict, "createdAt", "undoneAt")
     select tree_id, reviewer_id,
            (case when v < 0.65 then 'approve' when v < 0.85 then 'needs_fix' else 'reject' end)::"Verdict",
            now() - interval '1 hour', case when random() < 0.04 then now() end
     from (select *, random() as v from bench_pairs) p`,
  `update "Tree" t set "reviewStatus" = s.status, "reviewCount" = s.n
     from (select "treeId", count(*)::int as n,
                  (case when bool_or(verdict = 'reject') then 'rejected' when bool_or(verdict = 'needs_fix') then 'needs_fix' else 'approved' end)::"ReviewStatus" as status
           from "Review" where "supersededAt" is null and "undoneAt" is null group by "treeId") s
     where s."treeId" = t.id`,
  `update "Tree" set "reviewStatus" = 'in_review' where "reviewStatus" = 'unreviewed' and random() < 0.03`,
];

async function build(url: string, trees: number, corpusDir: string): Promise<void> {
  console.log(`Writing a varied synthetic corpus of ${fmt(trees)} answer files…`);
  const gen = progressPrinter("corpus");
  writeSyntheticCorpus(datasetsDir(), corpusDir, trees, (d) => gen.update(d, trees, ""), { varied: true });
  gen.update(trees, trees, "");
  gen.finish();

  await migrateDeploy(projectRoot(), url);
  setDatabaseUrl(url);
  const ins = await importFiles(expandInputs([path.join(corpusDir, "instruction")]).files);
  console.log(`  ${fmt(ins.instructions)} instructions, ${fmt(ins.tools)} tools, ${fmt(ins.apis)} APIs`);
  // one run per answer folder: the ToolBench release, then the solve runs
  const batches = ["toolbench", ...Array.from({ length: SOLVE_RUNS }, (_, k) => `solve-${String(k + 1).padStart(2, "0")}`)];
  const bar = progressPrinter("import");
  let done = 0;
  let nodes = 0;
  for (const batch of batches) {
    const dir = path.join(corpusDir, "answer", batch);
    if (!fs.existsSync(dir)) continue;
    const runId = await createRun(url, batch === "toolbench" ? "ToolBench release" : `Solve run ${batch.slice(6)}`, batch === "toolbench" ? "import" : "solve");
    const s = await importFiles(expandInputs([dir]).files, {
      runId,
      onProgress: (p) => bar.update(done + p.filesDone, trees, `· ${batch} · ${fmt(nodes + p.summary.nodes)} nodes`),
    });
    if (s.errors.length) throw new Error(`${s.errors.length} files failed, e.g. ${s.errors[0]!.file}: ${s.errors[0]!.message}`);
    done += s.files;
    nodes += s.nodes;
  }
  bar.finish();
  await closeDatabaseClients();
  console.log(`  ${fmt(done)} trees, ${fmt(nodes)} nodes imported; seeding reviews…`);
  await sql(url, REVIEW_SQL);
}

/** Starts the bench database, building it first unless `reuse` finds one of the same size. */
export async function openListBenchDatabase(opts: { trees: number; reuse: boolean; keepCorpus: boolean }): Promise<ListBenchDatabase> {
  const benchDir = path.join(projectRoot(), ".bench");
  const dataDir = path.join(benchDir, `list-db-${opts.trees}`);
  const corpusDir = path.join(benchDir, `list-corpus-${opts.trees}`);
  const ready = path.join(dataDir, READY);
  const reused = opts.reuse && fs.existsSync(ready);
  if (!reused) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const server = await startEmbeddedPostgres({ dataDir, fast: true });
  try {
    if (reused) {
      console.log(`Reusing the bench database in ${path.relative(projectRoot(), dataDir)} (built ${JSON.parse(fs.readFileSync(ready, "utf8")).builtAt})`);
      await migrateDeploy(projectRoot(), server.url); // indexes added since it was built
    } else {
      await build(server.url, opts.trees, corpusDir);
      fs.writeFileSync(ready, JSON.stringify({ trees: opts.trees, builtAt: new Date().toISOString() }));
    }
    // the list's plans depend on statistics and on the visibility map (index-only scans)
    await sql(server.url, ["vacuum (analyze)"]);
  } catch (err) {
    await server.stop();
    throw err;
  } finally {
    if (!opts.keepCorpus) fs.rmSync(corpusDir, { recursive: true, force: true });
  }
  setDatabaseUrl(server.url);
  return { server, trees: opts.trees, reused };
}
