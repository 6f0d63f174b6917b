// What LLM calls cost, from an endpoint's price table (USD per million tokens).
import { z } from "zod";
import type { TokenUsage } from "../generation/types";

export const priceTable = z
  .object({
    prompt: z.number().min(0, "prices cannot be negative").max(10_000).default(0),
    completion: z.number().min(0, "prices cannot be negative").max(10_000).default(0),
  })
  .strict();

export type PriceTable = z.output<typeof priceTable>;

/** A stored price table, with anything unreadable treated as free (the Settings page shows it). */
export function readPriceTable(value: unknown): PriceTable {
  const parsed = priceTable.safeParse(value ?? {});
  return parsed.success ? parsed.data : { prompt: 0, completion: 0 };
}

/** USD for one call, rounded to the database's 6 decimals. */
export function costOf(usage: Pick<TokenUsage, "promptTokens" | "completionTokens">, prices: PriceTable): number {
  const usd = (usage.promptTokens * prices.prompt + usage.completionTokens * prices.completion) / 1_000_000;
  return Math.round(usd * 1e6) / 1e6;
}
