// The edge between HTTP and the services: typed errors become status codes with a message a person
// can act on; anything unexpected is logged here and answered with a generic 500.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { parseSearchParams } from "@/lib/core/schemas/search-params";

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorResponse(status: number, code: string, message: string): NextResponse<ErrorBody> {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** Runs a read and answers it as JSON, translating NotFoundError → 404 and InvalidInputError → 400. */
export async function respond<T>(read: () => Promise<T>): Promise<NextResponse> {
  try {
    return NextResponse.json(await read());
  } catch (err) {
    if (err instanceof NotFoundError) return errorResponse(404, err.code, err.message);
    if (err instanceof InvalidInputError) return errorResponse(400, err.code, err.message);
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
