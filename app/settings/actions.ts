"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/core/result";
import { cacheImportInput, embeddingSettingsInput, endpointIdInput, executorSettingsInput, llmEndpointInput, updateLlmEndpointInput } from "@/lib/core/schemas/settings";
import { requireUser } from "@/lib/server/auth/session";
import { importToolResponseCache, type CacheImportSummary } from "@/lib/server/services/cache-import";
import { queueEmbedCatalog, saveEmbeddingSettings } from "@/lib/server/services/embeddings";
import { saveExecutorSettings } from "@/lib/server/services/executor-settings";
import { addLlmEndpoint, changeLlmEndpoint, removeLlmEndpoint } from "@/lib/server/services/llm-endpoints";
import { parseInput, runAction } from "../_lib/run-action";

export async function addEndpointAction(input: unknown): Promise<Result<{ id: number }>> {
  return runAction("addEndpoint", async () => {
    await requireUser("manage_settings");
    const id = await addLlmEndpoint(parseInput(llmEndpointInput, input));
    revalidatePath("/settings");
    return { id };
  });
}

export async function updateEndpointAction(input: unknown): Promise<Result<null>> {
  return runAction("updateEndpoint", async () => {
    await requireUser("manage_settings");
    await changeLlmEndpoint(parseInput(updateLlmEndpointInput, input));
    revalidatePath("/settings");
    return null;
  });
}

export async function deleteEndpointAction(id: unknown): Promise<Result<null>> {
  return runAction("deleteEndpoint", async () => {
    await requireUser("manage_settings");
    await removeLlmEndpoint(parseInput(endpointIdInput, id));
    revalidatePath("/settings");
    return null;
  });
}

export async function saveExecutorSettingsAction(input: unknown): Promise<Result<null>> {
  return runAction("saveExecutorSettings", async () => {
    await requireUser("manage_settings");
    await saveExecutorSettings(parseInput(executorSettingsInput, input));
    revalidatePath("/settings");
    return null;
  });
}

/** Imports a StableToolBench tool response cache folder on the server into the executor cache. */
export async function importCacheAction(input: unknown): Promise<Result<CacheImportSummary>> {
  return runAction("importCache", async () => {
    await requireUser("manage_settings");
    const summary = await importToolResponseCache(parseInput(cacheImportInput, input).path);
    revalidatePath("/settings");
    return summary;
  });
}

export async function saveEmbeddingSettingsAction(input: unknown): Promise<Result<null>> {
  return runAction("saveEmbeddingSettings", async () => {
    await requireUser("manage_settings");
    await saveEmbeddingSettings(parseInput(embeddingSettingsInput, input));
    revalidatePath("/settings");
    return null;
  });
}

/** Queues embedding the catalog with the saved endpoint and model (a run on the worker). */
export async function embedCatalogAction(): Promise<Result<{ runId: number }>> {
  return runAction("embedCatalog", async () => {
    const user = await requireUser("manage_settings");
    return { runId: await queueEmbedCatalog(user.id) };
  });
}
