// `npm run bench:tree [-- --runs N] [--sizes 1000,10000] [--keep]`: how fast the tree viewer is in a
// real browser. Writes synthetic DFSDT answer files of each size, imports them into a fresh embedded
// Postgres, starts the production app against it, and opens /trees/<id> in Chromium N times per size,
// reading the page's own performance marks: from the tree's data arriving to the tree being drawn and
// taking input. Then times interactions on the open tree: selecting a node (click and keyboard) and
// unfolding a folded subtree. Prints p50/p95; the figures are never asserted (these machines are noisy).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot, setDatabaseUrl } from "@/lib/server/env";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { expandInputs, importFiles } from "@/lib/server/services/import-files";
import { TREE_DATA_MARK, TREE_INTERACTIVE_MARK } from "@/lib/ui/queries/trees";
import { measureInteractions, type InteractionTimes } from "./tree-interactions";
import { buildSyntheticAnswer } from "./synthetic-tree";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const summarize = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(s, 95).toFixed(0).padStart(5)} ms   (n=${s.length})`;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, app: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited (code ${app.exitCode}) before it was up`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

/** The app's first-run setup makes the admin account, whose signed-in session the runs reuse. */
async function signInState(browser: Browser, base: string, dir: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/setup`);
  await page.getByLabel("Name").fill("Bench Admin");
  await page.getByLabel("Email").fill("bench@arbor.test");
  await page.getByLabel(/Password/).fill("bench-password-1");
  await page.getByRole("button", { name: "Create the admin account" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  const file = path.join(dir, "signed-in.json");
  await context.storageState({ path: file });
  await context.close();
  return file;
}

/** Opens the tree once in a fresh context (nothing cached) and reads the page's marks. */
async function openTree(browser: Browser, base: string, state: string, treeId: number): Promise<{ page: Page; dataToInteractive: number; navigationToInteractive: number; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/trees/${treeId}`);
  await page.locator('[role="tree"][data-ready="true"]').waitFor({ timeout: 120_000 });
  const marks = await page.evaluate(
    ([data, interactive]) => ({ data: performance.getEntriesByName(data)[0]?.startTime, interactive: performance.getEntriesByName(interactive)[0]?.startTime }),
    [TREE_DATA_MARK, TREE_INTERACTIVE_MARK] as const,
  );
  if (marks.data === undefined || marks.interactive === undefined) throw new Error("the page did not set its performance marks");
  return { page, dataToInteractive: marks.interactive - marks.data, navigationToInteractive: marks.interactive, close: () => context.close() };
}

export async function benchTree(args: string[]): Promise<number> {
  const runs = Number(flag(args, "--runs") ?? 7);
  const sizes = (flag(args, "--sizes") ?? "1000,10000").split(",").map(Number);
  if (!Number.isInteger(runs) || runs < 1 || sizes.some((s) => !Number.isInteger(s) || s < 10)) {
    console.error("--runs must be a positive whole number, --sizes whole numbers of at least 10 (e.g. 1000,10000)");
    return 2;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-tree-bench-"));
  const answers = path.join(work, "answers", "G1_answer");
  fs.mkdirSync(answers, { recursive: true });
  const qids = new Map<number, string>();
  for (const [i, size] of sizes.entries()) {
    const qid = String(9_000_000 + i);
    const built = buildSyntheticAnswer(size, 42 + i, `Benchmark tree of about ${size} nodes: find the cheapest phone case in stock.`);
    fs.writeFileSync(path.join(answers, `${qid}_ChatGPT_DFS_woFilter_w2.json`), JSON.stringify(built.json));
    qids.set(size, qid);
  }

  const server = await startEmbeddedPostgres({ dataDir: path.join(work, "db"), fast: true });
  let app: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    await migrateDeploy(projectRoot(), server.url);
    setDatabaseUrl(server.url);
    const summary = await importFiles(expandInputs([path.join(work, "answers")]).files);
    await closeDatabaseClients();
    if (summary.errors.length) throw new Error(`import failed: ${summary.errors[0]!.file}: ${summary.errors[0]!.message}`);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const trees = (await client.query<{ id: number; size: number; externalId: string }>(`select t.id, t.size, i."externalId" from "Tree" t join "Instruction" i on i.id = t."instructionId"`)).rows;
    await client.end();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    console.log(`Starting the app on ${base} (it builds first when the sources changed)…`);
    app = spawn(process.execPath, [path.join(projectRoot(), "lib", "cli", "bin.mjs"), "start"], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: server.url, ARBOR_DATA_DIR: path.join(work, "app"), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(base, app, 600_000);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const state = await signInState(browser, base, work);

    for (const size of sizes) {
      const tree = trees.find((t) => t.externalId === qids.get(size))!;
      const opened: number[] = [];
      const fromNavigation: number[] = [];
      const interactions: InteractionTimes = { click: [], key: [], unfold: [] };
      // one unmeasured opening warms the server and the browser's code cache
      await (await openTree(browser, base, state, tree.id)).close();
      for (let run = 0; run < runs; run++) {
        const o = await openTree(browser, base, state, tree.id);
        opened.push(o.dataToInteractive);
        fromNavigation.push(o.navigationToInteractive);
        const t = await measureInteractions(o.page);
        for (const k of ["click", "key", "unfold"] as const) interactions[k].push(...t[k]);
        await o.close();
      }
      console.log(`\ntree of ${tree.size.toLocaleString("en-US")} nodes (${runs} openings, Chromium, 1600×900)`);
      console.log(`  data arrived → interactive   ${summarize(opened)}`);
      console.log(`  navigation → interactive     ${summarize(fromNavigation)}`);
      console.log(`  select a node (click)        ${summarize(interactions.click)}`);
      console.log(`  select a node (arrow key)    ${summarize(interactions.key)}`);
      if (interactions.unfold.length) console.log(`  unfold a folded subtree      ${summarize(interactions.unfold)}`);
    }
    return 0;
  } finally {
    await browser?.close();
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    await server.stop();
    if (args.includes("--keep")) console.log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}
