// What surrounds verdicts: node comments, a tree's review history, the reasons list, review settings,
// and the data the dashboard's agreement figures are computed from.
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from "@/lib/core/schemas/reviews";
import { prisma } from "../db/client";

export interface CommentRow {
  id: number;
  nodeIdx: number;
  body: string;
  author: string;
  authorId: number;
  createdAt: Date;
}

export async function insertComment(c: { treeId: number; nodeIdx: number; authorId: number; body: string }): Promise<number> {
  const r = await prisma().nodeComment.create({ data: c, select: { id: true } });
  return r.id;
}

export async function listComments(treeId: number): Promise<CommentRow[]> {
  const rows = await prisma().nodeComment.findMany({
    where: { treeId },
    orderBy: { id: "asc" },
    select: { id: true, nodeIdx: true, body: true, authorId: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, nodeIdx: r.nodeIdx, body: r.body, authorId: r.authorId, createdAt: r.createdAt, author: r.author.name }));
}

export interface ReviewHistoryRow {
  id: number;
  reviewerId: number;
  reviewer: string;
  verdict: string;
  reasons: string[];
  comment: string | null;
  chosenNodeIdx: number | null;
  bulkId: string | null;
  current: boolean;
  supersededAt: Date | null;
  undoneAt: Date | null;
  createdAt: Date;
}

export async function listReviewHistory(treeId: number): Promise<ReviewHistoryRow[]> {
  const rows = await prisma().review.findMany({
    where: { treeId },
    orderBy: { id: "desc" },
    select: {
      id: true, reviewerId: true, verdict: true, reasons: true, comment: true, chosenNodeIdx: true, bulkId: true,
      supersededAt: true, undoneAt: true, createdAt: true, reviewer: { select: { name: true } },
    },
  });
  return rows.map(({ reviewer, ...r }) => ({ ...r, reviewer: reviewer.name, current: r.supersededAt === null && r.undoneAt === null }));
}

export interface ReasonRow {
  id: number;
  label: string;
  position: number;
  active: boolean;
}

export async function listReasons(includeInactive = false): Promise<ReasonRow[]> {
  return prisma().reviewReason.findMany({ where: includeInactive ? {} : { active: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export async function addReason(label: string): Promise<ReasonRow> {
  const max = await prisma().reviewReason.aggregate({ _max: { position: true } });
  return prisma().reviewReason.upsert({
    where: { label },
    create: { label, position: (max._max.position ?? 0) + 1 },
    update: { active: true },
  });
}

export async function setReasonActive(id: number, active: boolean): Promise<void> {
  await prisma().reviewReason.update({ where: { id }, data: { active } });
}

const SETTINGS_KEY = "review";

export async function readReviewSettings(): Promise<ReviewSettings> {
  const row = await prisma().setting.findUnique({ where: { key: SETTINGS_KEY } });
  return { ...DEFAULT_REVIEW_SETTINGS, ...((row?.value as Partial<ReviewSettings> | undefined) ?? {}) };
}

export async function writeReviewSettings(s: ReviewSettings): Promise<void> {
  await prisma().setting.upsert({ where: { key: SETTINGS_KEY }, create: { key: SETTINGS_KEY, value: s }, update: { value: s } });
}

/** Every current review: (tree, reviewer, verdict), for agreement between reviewers. */
export async function currentVerdicts(): Promise<{ treeId: number; reviewerId: number; verdict: string }[]> {
  return prisma().$queryRaw`select "treeId", "reviewerId", verdict::text as verdict from "Review" where "supersededAt" is null and "undoneAt" is null`;
}

export async function recordSettingAudit(actorId: number, action: string, payload: unknown): Promise<void> {
  await prisma().auditEntry.create({ data: { actorId, action, subject: "settings", payload: payload as object } });
}

export interface TreeReviewFields {
  id: number;
  version: number;
  reviewStatus: string;
  reviewCount: number;
  chosenNodeIdx: number | null;
  toolbenchNodeIdx: number | null;
  chosenBy: string | null;
  /** leaves a training path may end at: Finish calls with an answer (3) or a give-up (4) */
  finishedLeaves: { idx: number; code: number }[];
}

export async function readTreeReviewFields(treeId: number): Promise<TreeReviewFields | null> {
  const tree = await prisma().tree.findUnique({
    where: { id: treeId },
    select: { id: true, version: true, reviewStatus: true, reviewCount: true, chosenNodeIdx: true, toolbenchNodeIdx: true, chosenBy: true },
  });
  if (!tree) return null;
  const leaves = await prisma().node.findMany({
    where: { treeId, type: "ActionInput", functionName: "Finish", childCount: 0, observationCode: { in: [3, 4] } },
    select: { idx: true, observationCode: true },
    orderBy: { idx: "asc" },
  });
  return { ...tree, finishedLeaves: leaves.map((l) => ({ idx: l.idx, code: l.observationCode! })) };
}
