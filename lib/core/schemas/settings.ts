// Inputs of the Settings page: LLM endpoints and the tool executors' settings. Keys are write-only:
// an input may set or clear one, never read it back.
import { z } from "zod";
import { priceTable } from "../runs/cost";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const llmEndpointInput = z
  .object({
    name: z.string().trim().min(1, "give the endpoint a name").max(100),
    baseUrl: z.string().trim().url("the base URL must be a URL such as https://api.openai.com/v1").max(500),
    model: z.string().trim().min(1, "name the model").max(200),
    /** A new key; absent keeps the stored one, "" clears it. */
    apiKey: z.string().trim().max(500).optional(),
    temperature: z.coerce.number().min(0).max(2).default(0),
    concurrency: z.coerce.number().int().min(1).max(256).default(4),
    prices: priceTable.default({ prompt: 0, completion: 0 }),
  })
  .strict();
export type LlmEndpointInput = z.input<typeof llmEndpointInput>;

export const updateLlmEndpointInput = llmEndpointInput.extend({ id });
export const endpointIdInput = id;

/** A host name, an IP address or a CIDR range that real HTTP calls may reach although it is private. */
const allowEntry = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_-]+(\/\d{1,3})?$/, "allow-list entries are host names, IP addresses or CIDR ranges such as 10.0.0.0/8");

export const executorSettingsInput = z
  .object({
    /** A new RapidAPI key; absent keeps the stored one, "" clears it. */
    rapidApiKey: z.string().trim().max(200).optional(),
    allowList: z.array(allowEntry).max(100).default([]),
    timeoutMs: z.coerce.number().int().min(100).max(120_000).default(15_000),
    maxResponseBytes: z.coerce.number().int().min(1024).max(50_000_000).default(1 << 20),
  })
  .strict();
export type ExecutorSettingsInput = z.input<typeof executorSettingsInput>;

export const cacheImportInput = z.object({ path: z.string().trim().min(1, "give a folder path on the server").max(4096) });

/** API retrieval by embeddings: which endpoint (null: the environment's) and embedding model. */
export const embeddingSettingsInput = z
  .object({
    endpointId: z.preprocess((v) => (v === "" || v === "env" ? null : v), id.nullable()),
    model: z.string().trim().min(1, "name the embedding model, e.g. text-embedding-3-small").max(200),
  })
  .strict();
export type EmbeddingSettings = z.output<typeof embeddingSettingsInput>;
