// Prisma CLI configuration. Offline machines cannot download Prisma's native engines, so the CLI runs
// its bundled WebAssembly schema engine through a driver adapter. The adapter subclass below works
// around three adapter-pg behaviours that break `migrate` commands (see the comments inline).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Without a URL even `prisma generate` tries to download an engine; a placeholder is never connected to.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:1/placeholder";

function poolConfig(url: string, database?: string): pg.PoolConfig {
  // Discrete fields: a connectionString would override `database` (and make the shadow db the main one).
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
const CHAR_OID = 18;
const TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6;

// Postgres' internal "char" type (OID 18, used in catalog queries) is not mapped by the adapter.
function patchCharType<T extends Adapter>(adapter: T): T {
  type Q = object;
  type IO = { fields: { dataTypeID: number }[] };
  const a = adapter as unknown as {
    performIO: (q: Q) => Promise<IO>;
    queryRaw: (q: Q) => Promise<{ columnTypes: number[] }>;
  };
  const charCols = new WeakMap<Q, number[]>();
  const performIO = a.performIO.bind(adapter);
  a.performIO = async (q) => {
    const r = await performIO(q);
    const cols: number[] = [];
    r.fields?.forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        cols.push(i);
      }
    });
    if (cols.length) charCols.set(q, cols);
    return r;
  };
  const queryRaw = a.queryRaw.bind(adapter);
  a.queryRaw = async (q) => {
    const r = await queryRaw(q);
    for (const i of charCols.get(q) ?? []) r.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return r;
  };
  return adapter;
}

// Closes the shadow database's pool before dropping it (the stock adapter drops it while connected).
class PrismaPgForCli extends PrismaPg {
  constructor(private url: string) {
    super(poolConfig(url));
  }
  override async connect() {
    return patchCharType(await super.connect());
  }
  override async connectToShadowDb() {
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(poolConfig(this.url));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = patchCharType(await new PrismaPg(poolConfig(this.url, name)).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaPgForCli(process.env.DATABASE_URL!);
  },
});
