-- Per-step checks (lib/core/checks): a bit set per node, and their union per tree for the tree list.
-- Rows written before this migration keep 0 (not checked) until "arbor checks --recompute" fills them in.

-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "checks" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Tree" ADD COLUMN     "checkFlags" INTEGER NOT NULL DEFAULT 0;

-- The tree list's covering indexes gain "checkFlags", so its "has check" filter stays an index-only scan.

-- DropIndex
DROP INDEX "Tree_list_id_idx";

-- DropIndex
DROP INDEX "Tree_list_size_idx";

-- DropIndex
DROP INDEX "Tree_list_depth_idx";

-- DropIndex
DROP INDEX "Tree_list_calls_idx";

-- DropIndex
DROP INDEX "Tree_list_errors_idx";

-- CreateIndex
CREATE INDEX "Tree_list_id_idx" ON "Tree"("id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType", "checkFlags");

-- CreateIndex
CREATE INDEX "Tree_list_size_idx" ON "Tree"("size", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType", "checkFlags");

-- CreateIndex
CREATE INDEX "Tree_list_depth_idx" ON "Tree"("maxDepth", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "queryCount", "instructionId", "runId", "group", "model", "finishType", "checkFlags");

-- CreateIndex
CREATE INDEX "Tree_list_calls_idx" ON "Tree"("queryCount", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "instructionId", "runId", "group", "model", "finishType", "checkFlags");

-- CreateIndex
CREATE INDEX "Tree_list_errors_idx" ON "Tree"("errorCount", "id", "validData", "method", "reviewStatus", "hallucinatedCount", "apiErrorCount", "giveUpCount", "size", "maxDepth", "queryCount", "instructionId", "runId", "group", "model", "finishType", "checkFlags");
