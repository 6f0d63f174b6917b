// The edge between HTTP and the services: typed errors become status codes with a message a person
// can act on; anything unexpected is logged here and answered with a generic 500.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from "@/lib/core/errors";
import type { Permission } from "@/lib/core/auth/permissions";
import { requireUser, type CurrentUser } from "@/lib/server/auth/session";
import { parseSearchParams } from "@/lib/core/schemas/search-params";

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorResponse(status: number, code: string, message: string): NextResponse<ErrorBody> {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** The HTTP answer for a typed error, or undefined for an unexpected one. */
export function typedErrorResponse(err: unknown): NextResponse<ErrorBody> | undefined {
  if (err instanceof NotFoundError) return errorResponse(404, err.code, err.message);
  if (err instanceof InvalidInputError) return errorResponse(400, err.code, err.message);
  if (err instanceof UnauthenticatedError) return errorResponse(401, err.code, err.message);
  if (err instanceof ForbiddenError) return errorResponse(403, err.code, err.message);
  if (err instanceof ConflictError) return errorResponse(409, err.code, err.message);
  return undefined;
}

/**
 * Checks the signed-in user's permission, runs a read and answers it as JSON; typed errors become
 * 400/401/403/404/409, anything else a logged 500.
 */
export async function respond<T>(read: (user: CurrentUser) => Promise<T>, permission: Permission = "read"): Promise<NextResponse> {
  try {
    const user = await requireUser(permission);
    return NextResponse.json(await read(user));
  } catch (err) {
    const typed = typedErrorResponse(err);
    if (typed) return typed;
    console.error("[api] unexpected error", err);
    return errorResponse(500, "INTERNAL", "Something went wrong while reading the data. The server log has the details.");
  }
}

/** The request's query string checked against a schema; throws InvalidInputError with zod's reasons. */
export function readQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const parsed = parseSearchParams(schema, url.searchParams);
  if (!parsed.ok) throw new InvalidInputError(`Invalid query parameters: ${parsed.message}`);
  return parsed.value;
}

/** A positive integer path segment such as an id. */
export function readId(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw new InvalidInputError(`${what} must be a positive whole number, not "${raw}"`);
  return Number(raw);
}
