// A solved item's tree, written in one statement with the item's success: the Tree row, its Node
// rows in pre-order, the instruction's tree count and the run's counters; the item's events, now
// redundant, are deleted. One round trip (a solve step costs little more than its LLM call), and
// atomic: a crash leaves either all of it or none. The claim fences it like every write.
import { nodeOutline } from "@/lib/core/export/outline";
import type { GeneratedTreeRecord } from "@/lib/core/runs/generated-tree";
import { runPool } from "../db/run-pool";
import { fenceParams, FENCE_SQL, type ItemFence } from "./run-items";
import { addUsageSql, usageParams, type UsageDelta } from "./run-events";

export interface TreeIdentity {
  instructionId: number;
  runId: number;
  model: string;
  sourceKey: string;
  contentHash: string;
}

const clean = (s: string | null | undefined) => (s === null || s === undefined ? null : s.replace(/\u0000/g, "\uFFFD"));

/** Returns the new tree's id, or null when the claim was lost (nothing is written then). */
export async function writeSolvedTree(fence: ItemFence, id: TreeIdentity, t: GeneratedTreeRecord, usage: UsageDelta): Promise<number | null> {
  const n = t.nodes;
  const r = await runPool().query<{ id: number }>(
    `with owner as (
       update "RunItem" set status = 'succeeded', "treeId" = nextval(pg_get_serial_sequence('"Tree"', 'id')), "finishedAt" = now(), error = null,
              result = $4::jsonb
       where ${FENCE_SQL} returning "treeId" as id),
     tree as (
       insert into "Tree" (id, "instructionId", "runId", "group", method, "methodLabel", model, "validData", "finishType", "finalAnswerRaw",
         "finalAnswer", "queryCount", "totalTokens", "promptTokens", "completionTokens", "costUsd", size, "maxDepth", "hallucinatedCount",
         "apiErrorCount", "giveUpCount", win, "chosenNodeIdx", "toolbenchNodeIdx", "chosenBy", functions, "systemPrompt", "forwardArgs",
         outline, truncated, "sourceKind", "sourceKey", "contentHash", "updatedAt", "checkFlags")
       select owner.id, i.id, $5, i."group", $6::"TreeMethod", $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24,
              $25, $26::json, $27, $28::jsonb, $53, false, 'generated', $29, $30, now(), $51::int
       from owner, "Instruction" i where i.id = $31
       returning id),
     nodes as (
       insert into "Node" ("treeId", idx, "parentIdx", position, depth, type, text, "functionName", observation, "observationCode",
         pruned, finished, "isTerminal", "expandNum", "childCount", meta, checks)
       select tree.id, x.* from tree, unnest($32::int[], $33::int[], $34::int[], $35::int[], $36::"NodeType"[], $37::text[], $38::text[], $39::text[],
         $40::int[], $41::bool[], $42::bool[], $43::bool[], $44::int[], $45::int[], $46::jsonb[], $52::int[]) as x),
     cleared as (delete from "RunItemEvent" where "runItemId" = $1 and exists (select 1 from owner)),
     run as (update "Run" set ${addUsageSql(47)}, "progressDone" = "progressDone" + 1, "heartbeatAt" = now() where id = $5 and exists (select 1 from owner))
     select id from tree`,
    [
      ...fenceParams(fence),
      JSON.stringify({ size: t.stats.size, queryCount: t.queryCount, validData: t.validData }),
      id.runId, t.method, t.methodLabel, id.model, t.validData, t.finishType, clean(t.finalAnswerRaw), clean(t.finalAnswer), t.queryCount, t.totalTokens,
      t.promptTokens, t.completionTokens, t.costUsd, t.stats.size, t.stats.maxDepth, t.stats.hallucinatedCount, t.stats.apiErrorCount, t.stats.giveUpCount,
      t.win, t.chosenNodeIdx, t.chosenNodeIdx === null ? null : "toolbench", JSON.stringify(t.functions), t.systemPrompt, JSON.stringify(t.forwardArgs ?? null),
      id.sourceKey, id.contentHash, id.instructionId,
      n.map((x) => x.idx), n.map((x) => x.parentIdx), n.map((x) => x.position), n.map((x) => x.depth), n.map((x) => x.type), n.map((x) => clean(x.text)),
      n.map((x) => x.functionName ?? null), n.map((x) => clean(x.observation)), n.map((x) => x.observationCode ?? null), n.map((x) => x.pruned),
      n.map((x) => x.finished), n.map((x) => x.isTerminal), n.map((x) => x.expandNum), n.map((x) => x.childCount),
      n.map((x) => (x.meta === undefined ? null : JSON.stringify(x.meta))),
      ...usageParams(usage),
      // $51, $52: the per-step checks
      t.checks.tree, n.map((x) => t.checks.nodes[x.idx] ?? 0),
      // $53: the nodes' outline
      nodeOutline(n),
    ],
  );
  return r.rows[0]?.id ?? null;
}
