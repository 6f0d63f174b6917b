// Workbench-wide settings stored by key (JSON values).
import { prisma, type Prisma } from "../db/client";

export async function readSetting(key: string): Promise<unknown> {
  const row = await prisma().setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value;
}

export async function writeSetting(key: string, value: Prisma.InputJsonValue): Promise<void> {
  await prisma().setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
