import { listLlmEndpoints } from "@/lib/server/services/llm-endpoints";
import { respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/llm-endpoints — the endpoints a run can use (names and models; never keys). */
export async function GET() {
  return respond(async () => (await listLlmEndpoints()).map(({ id, name, model, baseUrl }) => ({ id, name, model, baseUrl })), "run");
}
