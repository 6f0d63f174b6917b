// Gives a database test file its own database, cloned from the migrated template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { setDatabaseUrl } from "@/lib/server/env";
import { disconnectPrisma } from "@/lib/server/db/client";
import { closePool } from "@/lib/server/db/pool";
import { closeRunPool } from "@/lib/server/db/run-pool";
import { stopBackgroundThreads } from "@/lib/server/background-threads";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const name = `arbor_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (err) {
        // 55006: the template is briefly in use by a concurrent clone; try again
        if ((err as { code?: string }).code !== "55006" || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  setDatabaseUrl(url);
  return {
    url,
    drop: async () => {
      await disconnectPrisma();
      await closePool();
      await closeRunPool();
      await stopBackgroundThreads();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
