import type { NextRequest } from "next/server";
import { catalogSearchInput } from "@/lib/core/schemas/catalog";
import { searchCatalog } from "@/lib/server/services/catalog";
import { readQuery, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/catalog/search?q=weather&limit=25 — tools and APIs by name and description. */
export async function GET(request: NextRequest) {
  return respond(async () => searchCatalog(readQuery(catalogSearchInput, request.nextUrl)));
}
