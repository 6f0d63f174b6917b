import { NextResponse, type NextRequest } from "next/server";
import { InvalidInputError } from "@/lib/core/errors";
import { requireUser } from "@/lib/server/auth/session";
import { pathImportInput } from "@/lib/core/schemas/imports";
import { describeZodError } from "@/lib/core/schemas/search-params";
import { listImportRuns, queueImport } from "@/lib/server/services/import-runs";
import { importUploads, type UploadedFile } from "@/lib/server/services/import-uploads";
import { errorResponse, respond, typedErrorResponse } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/imports: the latest import runs, newest first. */
export async function GET() {
  return respond(() => listImportRuns(30), "import");
}

/**
 * POST /api/imports — queue an import for a worker; answers 202 {runId}.
 * - JSON {"paths": ["/data/toolbench", …]}: files or folders on the server;
 * - multipart form: "files" (the files) with "paths" (each file's relative path, in the same order).
 */
export async function POST(request: NextRequest) {
  const type = request.headers.get("content-type") ?? "";
  try {
    const user = await requireUser("import");
    let runId: number;
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      const files = form.getAll("files").filter((f): f is File => typeof f !== "string");
      const names = form.getAll("paths").map(String);
      const uploads: UploadedFile[] = await Promise.all(
        files.map(async (f, i) => ({ relativePath: names[i] || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      runId = await importUploads(uploads, user.id);
    } else {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        throw new InvalidInputError('Send JSON like {"paths": ["/data/toolbench"]} or a multipart form of files');
      }
      const parsed = pathImportInput.safeParse(body);
      if (!parsed.success) throw new InvalidInputError(describeZodError(parsed.error));
      runId = await queueImport({ paths: parsed.data.paths }, `Import ${parsed.data.paths.join(", ")}`.slice(0, 200), user.id);
    }
    return NextResponse.json({ runId }, { status: 202 });
  } catch (err) {
    const typed = typedErrorResponse(err);
    if (typed) return typed;
    console.error("[api] import failed to start", err);
    return errorResponse(500, "INTERNAL", "The import could not be started. The server log has the details.");
  }
}
