// The one place that reads process.env. Everything else asks this module.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  ARBOR_DATA_DIR: z.string().optional(),
  ARBOR_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ARBOR_IMPORT_BATCH: z.coerce.number().int().min(1).max(5000).default(200),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Signs session cookies; generated once into the data folder when unset. */
  ARBOR_AUTH_SECRET: z.string().min(32, "ARBOR_AUTH_SECRET must be at least 32 characters").optional(),
  /** The address users reach Arbor at (defaults to http://localhost:PORT). */
  ARBOR_BASE_URL: z.string().url().optional(),
  /** An OpenAI-compatible endpoint runs can use without one being configured on the Settings page. */
  ARBOR_LLM_BASE_URL: z.string().url().optional(),
  ARBOR_LLM_API_KEY: z.string().optional(),
  ARBOR_LLM_MODEL: z.string().min(1).optional(),
  ARBOR_LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  ARBOR_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** USD per million tokens, for the environment's endpoint. */
  ARBOR_LLM_PRICE_PROMPT: z.coerce.number().min(0).default(0),
  ARBOR_LLM_PRICE_COMPLETION: z.coerce.number().min(0).default(0),
  /** Per LLM request; a request that takes longer is retried like a 5xx. */
  ARBOR_LLM_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(120),
  /** Retries after a 429, a 5xx, a timeout or a dropped connection (with exponential backoff). */
  ARBOR_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(4),
  ARBOR_LLM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  /** The RapidAPI key real HTTP calls send, unless one is set on the Settings page. */
  ARBOR_RAPIDAPI_KEY: z.string().optional(),
  /** A run item whose worker has not reported for this long is taken over by another worker. */
  ARBOR_RUN_ITEM_TIMEOUT_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
  /** How often an idle worker looks for runs that have work left (crashed workers', or to share). */
  ARBOR_RUN_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(2),
});

export type Env = z.infer<typeof schema> & { dataDir: string; projectRoot: string };

let cached: Env | undefined;

/** The project root: where package.json lives (the CLI may be started from elsewhere). */
export function projectRoot(): string {
  return process.env.ARBOR_PROJECT_ROOT ?? process.cwd();
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  const root = projectRoot();
  const dataDir = path.resolve(root, parsed.data.ARBOR_DATA_DIR ?? ".arbor");
  cached = { ...parsed.data, dataDir, projectRoot: root };
  return cached;
}

/** The database URL, which the launcher sets for every process it starts. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start Arbor with `npm start`, or set it to a Postgres URL)");
  return url;
}

/** For tests and the launcher, which change the environment after start. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The launcher and CLI set the URL of the database they started, for this process and its children. */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}
