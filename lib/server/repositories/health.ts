import { prisma } from "../db/client";

export async function pingDatabase(): Promise<void> {
  await prisma().$queryRaw`select 1`;
}
