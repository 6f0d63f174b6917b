-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'reviewer', 'viewer');

-- CreateEnum
CREATE TYPE "CatalogSource" AS ENUM ('toolbench', 'openapi', 'manual');

-- CreateEnum
CREATE TYPE "ApiHealth" AS ENUM ('unknown', 'healthy', 'degraded', 'down');

-- CreateEnum
CREATE TYPE "InstructionOrigin" AS ENUM ('imported', 'generated');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('generate_instructions', 'solve', 'evaluate', 'import', 'export');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "RunItemStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "TreeMethod" AS ENUM ('dfsdt', 'dfs', 'react', 'other');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('unreviewed', 'in_review', 'approved', 'rejected', 'needs_fix');

-- CreateEnum
CREATE TYPE "NodeType" AS ENUM ('Thought', 'Action', 'ActionInput');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('approve', 'reject', 'needs_fix');

-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('pass_rate', 'preference');

-- CreateEnum
CREATE TYPE "PassLabel" AS ENUM ('Solved', 'Unsolved', 'Unsure');

-- CreateEnum
CREATE TYPE "Preference" AS ENUM ('win', 'tie', 'loss');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "payload" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "standardizedName" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "id" SERIAL NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "standardizedName" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "host" TEXT,
    "homeUrl" TEXT,
    "pricing" TEXT,
    "score" JSONB,
    "source" "CatalogSource" NOT NULL DEFAULT 'toolbench',
    "sourceFile" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolCollection" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolCollectionMember" (
    "collectionId" INTEGER NOT NULL,
    "toolId" INTEGER NOT NULL,

    CONSTRAINT "ToolCollectionMember_pkey" PRIMARY KEY ("collectionId","toolId")
);

-- CreateTable
CREATE TABLE "Api" (
    "id" SERIAL NOT NULL,
    "toolId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "standardizedName" TEXT NOT NULL,
    "functionName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL DEFAULT 'GET',
    "url" TEXT,
    "requiredParameters" JSONB NOT NULL DEFAULT '[]',
    "optionalParameters" JSONB NOT NULL DEFAULT '[]',
    "responseSchema" JSONB,
    "responseExample" JSONB,
    "testEndpoint" JSONB,
    "statusCode" INTEGER,
    "health" "ApiHealth" NOT NULL DEFAULT 'unknown',
    "lastCheckedAt" TIMESTAMP(3),
    "source" "CatalogSource" NOT NULL DEFAULT 'toolbench',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "name" || ' ' || "description")) STORED,

    CONSTRAINT "Api_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiCacheEntry" (
    "id" BIGSERIAL NOT NULL,
    "apiId" INTEGER,
    "functionName" TEXT NOT NULL,
    "argsKey" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiCacheEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instruction" (
    "id" SERIAL NOT NULL,
    "group" TEXT NOT NULL,
    "externalId" TEXT,
    "query" TEXT NOT NULL,
    "queryHash" TEXT NOT NULL,
    "sampledApis" JSONB NOT NULL DEFAULT '[]',
    "relevantApis" JSONB NOT NULL DEFAULT '[]',
    "functionNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "origin" "InstructionOrigin" NOT NULL DEFAULT 'imported',
    "sourceFile" TEXT,
    "generationRunId" INTEGER,
    "categoryIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "toolIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "treeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "query")) STORED,

    CONSTRAINT "Instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstructionApi" (
    "instructionId" INTEGER NOT NULL,
    "apiId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "relevant" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "InstructionApi_pkey" PRIMARY KEY ("instructionId","apiId")
);

-- CreateTable
CREATE TABLE "InstructionSet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "queryIds" TEXT[],
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstructionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" SERIAL NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "title" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL DEFAULT '{}',
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "progressFailed" INTEGER NOT NULL DEFAULT 0,
    "progressLabel" TEXT,
    "message" TEXT,
    "error" TEXT,
    "result" JSONB,
    "promptTokens" BIGINT NOT NULL DEFAULT 0,
    "completionTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "costCapUsd" DECIMAL(14,6),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "workerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunItem" (
    "id" BIGSERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "instructionId" INTEGER,
    "treeId" INTEGER,
    "status" "RunItemStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "result" JSONB,
    "claimedBy" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RunItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tree" (
    "id" SERIAL NOT NULL,
    "instructionId" INTEGER NOT NULL,
    "runId" INTEGER,
    "group" TEXT NOT NULL,
    "method" "TreeMethod" NOT NULL,
    "methodLabel" TEXT NOT NULL,
    "model" TEXT,
    "validData" BOOLEAN NOT NULL,
    "finishType" TEXT,
    "finalAnswerRaw" TEXT NOT NULL DEFAULT '',
    "finalAnswer" TEXT,
    "queryCount" INTEGER NOT NULL DEFAULT 0,
    "totalTokens" INTEGER NOT NULL DEFAULT 0,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "costUsd" DECIMAL(14,6),
    "size" INTEGER NOT NULL,
    "maxDepth" INTEGER NOT NULL,
    "hallucinatedCount" INTEGER NOT NULL DEFAULT 0,
    "apiErrorCount" INTEGER NOT NULL DEFAULT 0,
    "giveUpCount" INTEGER NOT NULL DEFAULT 0,
    "win" BOOLEAN,
    "chosenNodeIdx" INTEGER,
    "chosenBy" TEXT,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'unreviewed',
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "functions" JSON NOT NULL DEFAULT '[]',
    "systemPrompt" TEXT,
    "forwardArgs" JSONB,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "sourceKind" TEXT NOT NULL,
    "sourceFile" TEXT,
    "sourceKey" TEXT,
    "contentHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("finalAnswer", ''))) STORED,

    CONSTRAINT "Tree_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Node" (
    "treeId" INTEGER NOT NULL,
    "idx" INTEGER NOT NULL,
    "parentIdx" INTEGER,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "type" "NodeType" NOT NULL,
    "text" TEXT NOT NULL,
    "functionName" TEXT,
    "observation" TEXT,
    "observationCode" INTEGER,
    "pruned" BOOLEAN NOT NULL DEFAULT false,
    "finished" BOOLEAN NOT NULL DEFAULT false,
    "isTerminal" BOOLEAN NOT NULL DEFAULT false,
    "expandNum" INTEGER NOT NULL DEFAULT 0,
    "childCount" INTEGER NOT NULL DEFAULT 0,
    "meta" JSONB,

    CONSTRAINT "Node_pkey" PRIMARY KEY ("treeId","idx")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "treeId" INTEGER NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "chosenNodeIdx" INTEGER,
    "supersededAt" TIMESTAMP(3),
    "bulkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeComment" (
    "id" SERIAL NOT NULL,
    "treeId" INTEGER NOT NULL,
    "nodeIdx" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NodeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewClaim" (
    "id" SERIAL NOT NULL,
    "treeId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewReason" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ReviewReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "treeId" INTEGER NOT NULL,
    "referenceTreeId" INTEGER,
    "runId" INTEGER,
    "label" "PassLabel",
    "solvable" TEXT,
    "passed" BOOLEAN,
    "preference" "Preference",
    "reason" TEXT,
    "model" TEXT,
    "costUsd" DECIMAL(14,6),
    "source" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Export" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER,
    "format" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "contentHash" TEXT,
    "path" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LlmEndpoint" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "apiKey" TEXT,
    "temperature" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "prices" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LlmEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_scope_name_key" ON "SavedView"("userId", "scope", "name");

-- CreateIndex
CREATE INDEX "AuditEntry_subject_idx" ON "AuditEntry"("subject");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Category_standardizedName_key" ON "Category"("standardizedName");

-- CreateIndex
CREATE INDEX "Tool_standardizedName_idx" ON "Tool"("standardizedName");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_categoryId_standardizedName_key" ON "Tool"("categoryId", "standardizedName");

-- CreateIndex
CREATE UNIQUE INDEX "ToolCollection_name_key" ON "ToolCollection"("name");

-- CreateIndex
CREATE INDEX "ToolCollectionMember_toolId_idx" ON "ToolCollectionMember"("toolId");

-- CreateIndex
CREATE INDEX "Api_functionName_idx" ON "Api"("functionName");

-- CreateIndex
CREATE UNIQUE INDEX "Api_toolId_name_key" ON "Api"("toolId", "name");

-- CreateIndex
CREATE INDEX "ApiCacheEntry_apiId_idx" ON "ApiCacheEntry"("apiId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiCacheEntry_functionName_argsKey_key" ON "ApiCacheEntry"("functionName", "argsKey");

-- CreateIndex
CREATE INDEX "Instruction_externalId_idx" ON "Instruction"("externalId");

-- CreateIndex
CREATE INDEX "Instruction_group_id_idx" ON "Instruction"("group", "id");

-- CreateIndex
CREATE INDEX "Instruction_sourceFile_idx" ON "Instruction"("sourceFile");

-- CreateIndex
CREATE INDEX "Instruction_generationRunId_idx" ON "Instruction"("generationRunId");

-- CreateIndex
CREATE UNIQUE INDEX "Instruction_group_queryHash_key" ON "Instruction"("group", "queryHash");

-- CreateIndex
CREATE INDEX "InstructionApi_apiId_idx" ON "InstructionApi"("apiId");

-- CreateIndex
CREATE UNIQUE INDEX "InstructionSet_name_key" ON "InstructionSet"("name");

-- CreateIndex
CREATE INDEX "Run_kind_createdAt_idx" ON "Run"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_idx" ON "Run"("status");

-- CreateIndex
CREATE INDEX "RunItem_runId_status_idx" ON "RunItem"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RunItem_runId_key_key" ON "RunItem"("runId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Tree_contentHash_key" ON "Tree"("contentHash");

-- CreateIndex
CREATE INDEX "Tree_instructionId_idx" ON "Tree"("instructionId");

-- CreateIndex
CREATE INDEX "Tree_runId_idx" ON "Tree"("runId");

-- CreateIndex
CREATE INDEX "Tree_group_id_idx" ON "Tree"("group", "id");

-- CreateIndex
CREATE INDEX "Tree_method_id_idx" ON "Tree"("method", "id");

-- CreateIndex
CREATE INDEX "Tree_finishType_id_idx" ON "Tree"("finishType", "id");

-- CreateIndex
CREATE INDEX "Tree_validData_id_idx" ON "Tree"("validData", "id");

-- CreateIndex
CREATE INDEX "Tree_reviewStatus_id_idx" ON "Tree"("reviewStatus", "id");

-- CreateIndex
CREATE INDEX "Tree_size_idx" ON "Tree"("size");

-- CreateIndex
CREATE INDEX "Tree_maxDepth_idx" ON "Tree"("maxDepth");

-- CreateIndex
CREATE INDEX "Tree_hallucinatedCount_idx" ON "Tree"("hallucinatedCount");

-- CreateIndex
CREATE INDEX "Tree_apiErrorCount_idx" ON "Tree"("apiErrorCount");

-- CreateIndex
CREATE INDEX "Tree_giveUpCount_idx" ON "Tree"("giveUpCount");

-- CreateIndex
CREATE INDEX "Tree_model_idx" ON "Tree"("model");

-- CreateIndex
CREATE INDEX "Tree_sourceFile_idx" ON "Tree"("sourceFile");

-- CreateIndex
CREATE INDEX "Review_treeId_createdAt_idx" ON "Review"("treeId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_reviewerId_createdAt_idx" ON "Review"("reviewerId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_bulkId_idx" ON "Review"("bulkId");

-- CreateIndex
CREATE INDEX "NodeComment_treeId_nodeIdx_idx" ON "NodeComment"("treeId", "nodeIdx");

-- CreateIndex
CREATE INDEX "ReviewClaim_treeId_expiresAt_idx" ON "ReviewClaim"("treeId", "expiresAt");

-- CreateIndex
CREATE INDEX "ReviewClaim_userId_idx" ON "ReviewClaim"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewReason_label_key" ON "ReviewReason"("label");

-- CreateIndex
CREATE INDEX "Evaluation_treeId_kind_idx" ON "Evaluation"("treeId", "kind");

-- CreateIndex
CREATE INDEX "Evaluation_runId_idx" ON "Evaluation"("runId");

-- CreateIndex
CREATE INDEX "Evaluation_label_idx" ON "Evaluation"("label");

-- CreateIndex
CREATE INDEX "Export_createdAt_idx" ON "Export"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LlmEndpoint_name_key" ON "LlmEndpoint"("name");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCollectionMember" ADD CONSTRAINT "ToolCollectionMember_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "ToolCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCollectionMember" ADD CONSTRAINT "ToolCollectionMember_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Api" ADD CONSTRAINT "Api_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiCacheEntry" ADD CONSTRAINT "ApiCacheEntry_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instruction" ADD CONSTRAINT "Instruction_generationRunId_fkey" FOREIGN KEY ("generationRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructionApi" ADD CONSTRAINT "InstructionApi_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructionApi" ADD CONSTRAINT "InstructionApi_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunItem" ADD CONSTRAINT "RunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunItem" ADD CONSTRAINT "RunItem_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tree" ADD CONSTRAINT "Tree_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tree" ADD CONSTRAINT "Tree_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Node" ADD CONSTRAINT "Node_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeComment" ADD CONSTRAINT "NodeComment_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeComment" ADD CONSTRAINT "NodeComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewClaim" ADD CONSTRAINT "ReviewClaim_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewClaim" ADD CONSTRAINT "ReviewClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_treeId_fkey" FOREIGN KEY ("treeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_referenceTreeId_fkey" FOREIGN KEY ("referenceTreeId") REFERENCES "Tree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Room on each page for updates that touch no indexed column (tree counts) to stay on the page
-- (HOT updates), so adding trees to instructions does not rewrite their index entries.
ALTER TABLE "Instruction" SET (fillfactor = 85);

-- Large per-tree texts are stored uncompressed: compressing them dominated import time.
ALTER TABLE "Tree" ALTER COLUMN "functions" SET STORAGE EXTERNAL, ALTER COLUMN "systemPrompt" SET STORAGE EXTERNAL;

-- Full-text search (generated tsvector columns above)
CREATE INDEX "Api_search_idx" ON "Api" USING GIN ("search");
CREATE INDEX "Instruction_search_idx" ON "Instruction" USING GIN ("search");
CREATE INDEX "Tree_search_idx" ON "Tree" USING GIN ("search");
-- List filters on denormalized id arrays
CREATE INDEX "Instruction_categoryIds_idx" ON "Instruction" USING GIN ("categoryIds");
CREATE INDEX "Instruction_toolIds_idx" ON "Instruction" USING GIN ("toolIds");
