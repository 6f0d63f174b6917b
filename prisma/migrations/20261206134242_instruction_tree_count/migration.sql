-- An instruction's tree count is counted from "Tree" (its instructionId index) when it is read:
-- keeping it here made every imported or generated tree update its instruction's row.

-- AlterTable
ALTER TABLE "Instruction" DROP COLUMN "treeCount";
