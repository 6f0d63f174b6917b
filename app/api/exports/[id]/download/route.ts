import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/session";
import { openExportFile } from "@/lib/server/services/exports";
import { errorResponse, readId, typedErrorResponse } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/exports/:id/download — the snapshot's file, streamed, named by its format and id. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    await requireUser("export");
    const { id } = await ctx.params;
    const file = await openExportFile(readId(id, "export id"));
    return new NextResponse(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename="${file.view.fileName}"`,
        "cache-control": "private, no-store",
        ...(file.view.contentHash ? { etag: `"${file.view.contentHash}"` } : {}),
      },
    });
  } catch (err) {
    const typed = typedErrorResponse(err);
    if (typed) return typed;
    console.error("[api] export download failed", err);
    return errorResponse(500, "INTERNAL", "The export could not be read. The server log has the details.");
  }
}
