-- Instructions keep every file they are in (the source filter), not only the first.

-- DropIndex
DROP INDEX "Instruction_sourceFile_idx";

-- CreateTable
CREATE TABLE "InstructionSource" (
    "instructionId" INTEGER NOT NULL,
    "sourceFile" TEXT NOT NULL,

    CONSTRAINT "InstructionSource_pkey" PRIMARY KEY ("sourceFile","instructionId")
);

-- CreateIndex
CREATE INDEX "InstructionSource_instructionId_idx" ON "InstructionSource"("instructionId");

-- AddForeignKey
ALTER TABLE "InstructionSource" ADD CONSTRAINT "InstructionSource_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every imported instruction is in the file it was first imported from.
INSERT INTO "InstructionSource" ("instructionId", "sourceFile")
SELECT "id", "sourceFile" FROM "Instruction" WHERE "sourceFile" IS NOT NULL;
