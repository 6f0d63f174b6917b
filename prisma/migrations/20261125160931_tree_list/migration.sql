-- DropIndex
DROP INDEX "Tree_instructionId_idx";

-- DropIndex
DROP INDEX "Tree_maxDepth_idx";

-- DropIndex
DROP INDEX "Tree_size_idx";

-- AlterTable
-- Generated in SQL (Prisma declares it with @default(dbgenerated())): the tree list's "most errors"
-- order is an index scan on it, and nothing has to keep it in step with the three counts.
ALTER TABLE "Tree" ADD COLUMN     "errorCount" INTEGER NOT NULL GENERATED ALWAYS AS ("hallucinatedCount" + "apiErrorCount" + "giveUpCount") STORED;

-- CreateIndex
CREATE INDEX "Instruction_id_categoryIds_toolIds_idx" ON "Instruction"("id", "categoryIds", "toolIds");

-- CreateIndex
CREATE INDEX "Review_reviewerId_treeId_supersededAt_undoneAt_idx" ON "Review"("reviewerId", "treeId", "supersededAt", "undoneAt");

-- CreateIndex
CREATE INDEX "Tree_instructionId_id_idx" ON "Tree"("instructionId", "id");

-- CreateIndex
CREATE INDEX "Tree_list_id_idx" ON "Tree"("id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType");

-- CreateIndex
CREATE INDEX "Tree_list_size_idx" ON "Tree"("size", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType");

-- CreateIndex
CREATE INDEX "Tree_list_depth_idx" ON "Tree"("maxDepth", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "queryCount", "instructionId", "runId", "group", "model", "finishType");

-- CreateIndex
CREATE INDEX "Tree_list_calls_idx" ON "Tree"("queryCount", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "instructionId", "runId", "group", "model", "finishType");

-- CreateIndex
CREATE INDEX "Tree_list_errors_idx" ON "Tree"("errorCount", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType");
