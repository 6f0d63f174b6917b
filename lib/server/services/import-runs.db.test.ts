// Import runs: the run row and its job are created together; one worker claims a run; cancel works
// before and during a run.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/core/errors";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { executeQueuedImport } from "./import-execution";
import { expandInputs, importFiles } from "./import-files";
import { IMPORT_TASK, queueImport } from "./import-runs";
import { cancelRun, getRun } from "./runs";

let db: TestDatabase;
const sql = async (text: string, params: unknown[] = []) => (await pool().query(text, params)).rows;
const jobsFor = async (runId: number) =>
  (
    await sql(
      `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = $1 and (j.payload->>'runId')::int = $2`,
      [IMPORT_TASK, runId],
    )
  )[0].n;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("import runs", () => {
  it("queues a run together with its job, and one worker claims and runs it", async () => {
    const folder = path.join(datasetsDir(), "toolbench", "instruction");
    const runId = await queueImport({ paths: [folder] }, "Import instructions");
    expect((await getRun(runId)).status).toBe("queued");
    expect(await jobsFor(runId)).toBe(1);

    const result = await executeQueuedImport(runId, "worker-a");
    expect(result?.summary.errors).toEqual([]);
    const run = await getRun(runId);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 5, progressTotal: 5, progressLabel: "files" });
    expect((run.result as { instructions: number }).instructions).toBeGreaterThan(0);
    expect(await executeQueuedImport(runId, "worker-b")).toBeUndefined(); // already taken
  });

  it("refuses a path that does not exist, and creates nothing", async () => {
    const before = (await sql(`select count(*)::int as n from "Run"`))[0].n;
    await expect(queueImport({ paths: ["/no/such/folder"] }, "x")).rejects.toThrow(InvalidInputError);
    expect((await sql(`select count(*)::int as n from "Run"`))[0].n).toBe(before);
  });

  it("a run cancelled before a worker takes it never runs", async () => {
    const runId = await queueImport({ paths: [path.join(datasetsDir(), "toolbench", "answer")] }, "Import answers");
    expect(await cancelRun(runId)).toBe(true);
    expect((await getRun(runId)).status).toBe("cancelled");
    expect(await executeQueuedImport(runId, "worker-a")).toBeUndefined();
    expect((await sql(`select count(*)::int as n from "Tree" where "runId" = $1`, [runId]))[0].n).toBe(0);
    expect(await cancelRun(runId)).toBe(false); // already ended
  });

  it("an import stopped part-way keeps what it wrote, whole files only", async () => {
    const { files } = expandInputs([path.join(datasetsDir(), "toolbench", "answer")]);
    let reports = 0;
    // stop at the first progress report: the batch being prepared is still written whole
    const s = await importFiles(files, { batchSize: 1, onProgress: () => ++reports >= 1 });
    expect(s.files).toBeLessThan(files.length);
    const trees = (await sql(`select count(*)::int as n from "Tree" where "sourceFile" like 'answer/%'`))[0].n;
    expect(trees).toBe(s.trees);
    const [{ mismatched }] = await sql(
      `select count(*)::int as mismatched from "Tree" t where t."sourceFile" like 'answer/%' and t.size <> (select count(*) from "Node" n where n."treeId" = t.id)`,
    );
    expect(mismatched).toBe(0);
  });
});
