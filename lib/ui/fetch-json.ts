// GET a JSON route handler from the browser; a non-2xx answer becomes an Error carrying the
// server's message (route handlers answer { error: { code, message } }).

export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (res.ok) return (await res.json()) as T;
  let message = `The server answered ${res.status} ${res.statusText}`.trim();
  let code: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    code = body.error?.code;
  } catch {
    // not JSON (e.g. a proxy error page): keep the status line
  }
  throw new ApiRequestError(message, res.status, code);
}
