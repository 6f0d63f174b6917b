-- DropIndex
DROP INDEX "Review_treeId_createdAt_idx";

-- DropIndex
DROP INDEX "ReviewClaim_userId_idx";

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "baseVersion" INTEGER,
ADD COLUMN     "replacesId" INTEGER,
ADD COLUMN     "undoneAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tree" ADD COLUMN     "toolbenchNodeIdx" INTEGER;

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Review_treeId_reviewerId_idx" ON "Review"("treeId", "reviewerId");

-- CreateIndex
CREATE INDEX "Review_createdAt_idx" ON "Review"("createdAt");

-- CreateIndex
CREATE INDEX "ReviewClaim_userId_completedAt_idx" ON "ReviewClaim"("userId", "completedAt");

-- Trees imported before this column existed: ToolBench's path is the one they carry.
UPDATE "Tree" SET "toolbenchNodeIdx" = "chosenNodeIdx" WHERE "chosenBy" = 'toolbench';

-- Review reasons to start from (admins edit the list).
INSERT INTO "ReviewReason" ("label", "position") VALUES
  ('Wrong or unsupported final answer', 1),
  ('Incomplete answer', 2),
  ('Hallucinated function or arguments', 3),
  ('API errors not handled', 4),
  ('Unnecessary or repeated calls', 5),
  ('Gave up too early', 6),
  ('Query not solvable with these APIs', 7),
  ('Unsafe or private content', 8),
  ('Good exploration', 9)
ON CONFLICT ("label") DO NOTHING;
