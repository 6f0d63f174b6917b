-- CreateTable
CREATE TABLE "TreePassVerdict" (
    "treeId" INTEGER NOT NULL,
    "label" "PassLabel" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "passVotes" INTEGER NOT NULL,
    "judgements" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "runId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TreePassVerdict_pkey" PRIMARY KEY ("treeId")
);

-- CreateIndex
CREATE INDEX "TreePassVerdict_label_treeId_idx" ON "TreePassVerdict"("label", "treeId");

-- AddForeignKey
ALTER TABLE "TreePassVerdict" ADD CONSTRAINT "TreePassVerdict_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;
