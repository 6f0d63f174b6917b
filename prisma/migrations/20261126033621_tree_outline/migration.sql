-- AlterTable
ALTER TABLE "Tree" ADD COLUMN     "outline" TEXT;
