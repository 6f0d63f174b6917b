-- Cheaper tree writes for the importer. The tree list filters on the error counts through its
-- covering list indexes, and nothing filters trees by source file: these single-column indexes
-- only cost writes.

-- DropIndex
DROP INDEX "Tree_apiErrorCount_idx";

-- DropIndex
DROP INDEX "Tree_giveUpCount_idx";

-- DropIndex
DROP INDEX "Tree_hallucinatedCount_idx";

-- DropIndex
DROP INDEX "Tree_sourceFile_idx";

-- The offered function list (about 3 KB per tree) is stored uncompressed: compressing it cost more
-- time than the disk it saved.
ALTER TABLE "Tree" ALTER COLUMN "functions" SET STORAGE EXTERNAL;
