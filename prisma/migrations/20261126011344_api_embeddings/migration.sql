-- AlterEnum
ALTER TYPE "RunKind" ADD VALUE 'embed_catalog';

-- CreateTable
CREATE TABLE "ApiEmbedding" (
    "apiId" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "dims" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiEmbedding_pkey" PRIMARY KEY ("apiId","model")
);

-- CreateIndex
CREATE INDEX "ApiEmbedding_model_idx" ON "ApiEmbedding"("model");

-- AddForeignKey
ALTER TABLE "ApiEmbedding" ADD CONSTRAINT "ApiEmbedding_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;
