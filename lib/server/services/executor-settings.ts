// The tool executors' settings (Settings page): the RapidAPI key real calls send, the allow-list of
// private hosts they may reach, their deadline and response-size cap. The key is write-only.
import { executorSettingsInput } from "@/lib/core/schemas/settings";
import type { z } from "zod";
import { env } from "../env";
import type { RealHttpSettings } from "../executors/real-http-executor";
import { readSetting, writeSetting } from "../repositories/settings";

const SETTINGS_KEY = "executors";
const KEY_KEY = "executors.rapidApiKey";

export interface ExecutorSettingsView {
  allowList: string[];
  timeoutMs: number;
  maxResponseBytes: number;
  rapidApiKey: { set: boolean; last4: string | null; fromEnvironment: boolean };
}

async function readStored() {
  const parsed = executorSettingsInput.omit({ rapidApiKey: true }).safeParse((await readSetting(SETTINGS_KEY)) ?? {});
  return parsed.success ? parsed.data : executorSettingsInput.omit({ rapidApiKey: true }).parse({});
}

async function readKey(): Promise<{ key: string | undefined; fromEnvironment: boolean }> {
  const stored = await readSetting(KEY_KEY);
  if (typeof stored === "string" && stored !== "") return { key: stored, fromEnvironment: false };
  const fromEnv = env().ARBOR_RAPIDAPI_KEY;
  return { key: fromEnv || undefined, fromEnvironment: !!fromEnv };
}

export async function getExecutorSettings(): Promise<ExecutorSettingsView> {
  const [s, k] = await Promise.all([readStored(), readKey()]);
  return { ...s, rapidApiKey: { set: !!k.key, last4: k.key && k.key.length >= 12 ? k.key.slice(-4) : null, fromEnvironment: k.fromEnvironment } };
}

export async function saveExecutorSettings(input: z.output<typeof executorSettingsInput>): Promise<void> {
  const { rapidApiKey, ...rest } = input;
  await writeSetting(SETTINGS_KEY, rest);
  if (rapidApiKey !== undefined) await writeSetting(KEY_KEY, rapidApiKey);
}

/** Server-side only: what the real HTTP executor needs, key included. */
export async function loadRealHttpSettings(): Promise<RealHttpSettings> {
  const [s, k] = await Promise.all([readStored(), readKey()]);
  return { rapidApiKey: k.key, allowList: s.allowList, timeoutMs: s.timeoutMs, maxResponseBytes: s.maxResponseBytes };
}
