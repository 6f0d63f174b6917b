// The Prisma client singleton (one per process; survives Next's dev-mode module reloads).
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "../env";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export { Prisma } from "./generated/client";

const holder = globalThis as unknown as { __arborPrisma?: PrismaClient; __arborPrismaUrl?: string };

export function prisma(): PrismaClient {
  const url = databaseUrl();
  if (!holder.__arborPrisma || holder.__arborPrismaUrl !== url) {
    holder.__arborPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    holder.__arborPrismaUrl = url;
  }
  return holder.__arborPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  if (holder.__arborPrisma) await holder.__arborPrisma.$disconnect();
  holder.__arborPrisma = undefined;
  holder.__arborPrismaUrl = undefined;
}
