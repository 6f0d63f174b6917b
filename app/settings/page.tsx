import type { Metadata } from "next";
import { getCacheStats } from "@/lib/server/services/cache-import";
import { getEmbeddingStatus } from "@/lib/server/services/embeddings";
import { getExecutorSettings } from "@/lib/server/services/executor-settings";
import { listLlmEndpoints } from "@/lib/server/services/llm-endpoints";
import { PageHeader } from "../_components/page-header";
import { gatePage } from "../_lib/page-gate";
import { CacheImportForm } from "./_components/cache-import-form";
import { EndpointManager } from "./_components/endpoint-manager";
import { ExecutorSettingsForm } from "./_components/executor-settings-form";
import { RetrievalSettingsForm } from "./_components/retrieval-settings-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const gate = await gatePage("manage_settings");
  if (gate.denied) return gate.denied;
  const [endpoints, executors, cache, embedding] = await Promise.all([listLlmEndpoints(), getExecutorSettings(), getCacheStats(), getEmbeddingStatus()]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="LLM endpoints for generation and solving runs, and how runs call tools. Keys stay on the server: this page only says whether one is set."
      />
      <div className="space-y-6">
        <EndpointManager endpoints={endpoints} />
        <div className="grid gap-6 lg:grid-cols-2">
          <ExecutorSettingsForm settings={executors} />
          <CacheImportForm stats={cache} />
        </div>
        <RetrievalSettingsForm status={embedding} endpoints={endpoints} />
      </div>
    </>
  );
}
