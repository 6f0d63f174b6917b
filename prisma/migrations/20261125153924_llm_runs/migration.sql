-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "llmCalls" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RunItem" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RunItemEvent" (
    "runItemId" BIGINT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSON NOT NULL,

    CONSTRAINT "RunItemEvent_pkey" PRIMARY KEY ("runItemId","seq")
);

-- AddForeignKey
ALTER TABLE "RunItemEvent" ADD CONSTRAINT "RunItemEvent_runItemId_fkey" FOREIGN KEY ("runItemId") REFERENCES "RunItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
