// Labels from ToolEval / StableToolBench result files, attached to the imported trees they judged:
// a tree of the file's group whose instruction has the entry's query id and whose model (or method
// label) is the file's model. Importing a file again replaces what it attached before.
import { decideTree, type AnswerStatus } from "@/lib/core/evaluation/pass-rate";
import type { PassRateResults, PreferenceResults } from "@/lib/core/toolbench/types";
import type { Db } from "./import-trees";

async function treesOf(db: Db, group: string, model: string, queryIds: string[]): Promise<Map<string, number[]>> {
  const r = await db.query<{ id: number; queryId: string }>(
    `select t.id, i."externalId" as "queryId" from "Tree" t join "Instruction" i on i.id = t."instructionId"
     where i."group" = $1 and i."externalId" = any($2::text[]) and (t.model = $3 or t."methodLabel" = $3)
     order by t.id`,
    [group, queryIds, model],
  );
  const out = new Map<string, number[]>();
  for (const row of r.rows) out.set(row.queryId, [...(out.get(row.queryId) ?? []), row.id]);
  return out;
}

/** Attaches pass-rate labels and verdicts; returns the trees labelled and the entries no tree matched. */
export async function attachPassRateResults(db: Db, file: PassRateResults, source: string): Promise<{ trees: number; unmatched: number }> {
  const trees = await treesOf(db, file.group, file.model, file.entries.map((e) => e.queryId));
  const rows = file.entries.flatMap((e) => (trees.get(e.queryId) ?? []).map((treeId) => ({ treeId, e })));
  const ids = rows.map((r) => r.treeId);
  await db.query(`delete from "Evaluation" where source = 'imported' and kind = 'pass_rate' and details->>'file' = $1`, [source]);
  if (rows.length > 0) {
    const verdicts = rows.map(({ e }) => {
      // the vote counts decide passing (failed <= passed); the answer statuses decide the label and score
      const v = decideTree(e.labels.map((label: AnswerStatus) => ({ label, passed: true })));
      return { ...v, passed: e.failVotes <= e.passVotes, passVotes: e.passVotes, judgements: e.passVotes + e.failVotes };
    });
    await db.query(
      `insert into "Evaluation" (kind, "treeId", label, solvable, passed, reason, model, source, details)
       select 'pass_rate', x.t, x.label::"PassLabel", x.solvable, x.passed, x.reason, $1, 'imported', x.details::jsonb
       from unnest($2::int[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[]) as x(t, label, solvable, passed, reason, details)`,
      [
        `ToolEval results (${file.model})`,
        ids,
        verdicts.map((v) => v.label),
        rows.map(({ e }) => e.solvable),
        verdicts.map((v) => v.passed),
        rows.map(({ e }) => e.reason),
        rows.map(({ e }) => JSON.stringify({ file: source, testSet: file.testSet, queryId: e.queryId, passVotes: e.passVotes, failVotes: e.failVotes, labels: e.labels, notHallucinate: e.notHallucinate })),
      ],
    );
    await db.query(
      `insert into "TreePassVerdict" ("treeId", label, passed, "passVotes", judgements, score, "runId", "updatedAt")
       select x.t, x.label::"PassLabel", x.passed, x.votes, x.n, x.score, null, now()
       from unnest($1::int[], $2::text[], $3::bool[], $4::int[], $5::int[], $6::float8[]) as x(t, label, passed, votes, n, score)
       on conflict ("treeId") do update set label = excluded.label, passed = excluded.passed, "passVotes" = excluded."passVotes",
         judgements = excluded.judgements, score = excluded.score, "runId" = null, "updatedAt" = now()`,
      [ids, verdicts.map((v) => v.label), verdicts.map((v) => v.passed), verdicts.map((v) => v.passVotes), verdicts.map((v) => v.judgements), verdicts.map((v) => v.score)],
    );
  }
  return { trees: new Set(ids).size, unmatched: file.entries.filter((e) => !trees.has(e.queryId)).length };
}

/** Attaches preferences (candidate tree against reference tree); returns the pairs attached and the entries without a pair. */
export async function attachPreferenceResults(db: Db, file: PreferenceResults, source: string): Promise<{ trees: number; unmatched: number }> {
  const qids = file.entries.map((e) => e.queryId);
  const [candidates, references] = await Promise.all([treesOf(db, file.group, file.candidateModel, qids), treesOf(db, file.group, file.referenceModel, qids)]);
  const pairs = file.entries.flatMap((e) => {
    const c = candidates.get(e.queryId)?.[0];
    const r = references.get(e.queryId)?.[0];
    return c !== undefined && r !== undefined ? [{ c, r, e }] : [];
  });
  await db.query(`delete from "Evaluation" where source = 'imported' and kind = 'preference' and details->>'file' = $1`, [source]);
  if (pairs.length > 0) {
    const outcome = (e: PreferenceResults["entries"][number]) => (e.candidatePoints > e.referencePoints ? "win" : e.candidatePoints < e.referencePoints ? "loss" : "tie");
    await db.query(
      `insert into "Evaluation" (kind, "treeId", "referenceTreeId", preference, reason, model, source, details)
       select 'preference', x.c, x.r, x.p::"Preference", x.reason, $1, 'imported', x.details::jsonb
       from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) as x(c, r, p, reason, details)`,
      [
        `ToolEval results (${file.candidateModel} against ${file.referenceModel})`,
        pairs.map((p) => p.c),
        pairs.map((p) => p.r),
        pairs.map((p) => outcome(p.e)),
        pairs.map((p) => `${file.candidateModel} ${p.e.candidatePoints} – ${p.e.referencePoints} ${file.referenceModel} over ${p.e.rounds} rounds`),
        pairs.map((p) => JSON.stringify({ file: source, testSet: file.testSet, queryId: p.e.queryId, candidatePoints: p.e.candidatePoints, referencePoints: p.e.referencePoints, rounds: p.e.rounds })),
      ],
    );
  }
  return { trees: pairs.length, unmatched: file.entries.length - pairs.length };
}
