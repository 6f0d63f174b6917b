// API answers as ToolBench's observations: `{"error": ..., "response": ...}` written with Python's
// json.dumps, and the status code ToolBench's RapidAPI server and client derive from the answer's
// text (see status-codes.ts for what each code means).
import { pyJsonDumps } from "../toolbench/python-text";

export interface ApiAnswer {
  error: string;
  response: unknown;
}

export interface ClassifiedAnswer {
  answer: ApiAnswer;
  code: number;
}

// The error strings ToolBench's server writes for each failure it recognizes, with their codes.
export const API_ERRORS = {
  badInput: { error: "Tool input parse error...\n", code: 2 },
  timeout: { error: "Timeout error...", code: 5 },
  notWorking: { error: "API not working error...", code: 6 },
  unauthorized: { error: "Unauthorized error...", code: 7 },
  unsubscribed: { error: "Unsubscribed error...", code: 8 },
  tooManyRequests: { error: "Too many requests error...", code: 9 },
  rateLimit: { error: "Rate limit per minute error...", code: 10 },
  message: { error: "Message error...", code: 11 },
  requestFailed: { error: "Request error...", code: 12 },
} as const;

export type ApiErrorKind = keyof typeof API_ERRORS;

/** An answer for a failure of the given kind, with a detail appended to ToolBench's fixed text. */
export function failureAnswer(kind: ApiErrorKind, detail = "", response: unknown = ""): ClassifiedAnswer {
  const e = API_ERRORS[kind];
  return { answer: { error: detail ? `${e.error} ${detail}` : e.error, response }, code: e.code };
}

/** The observation text the model reads. */
export const observationText = (answer: ApiAnswer): string => pyJsonDumps({ error: answer.error, response: answer.response ?? "" });

const asText = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));

/**
 * A response that is only a message (`{"message": "Invalid API key"}`), ToolBench's "Message error":
 * ToolBench looked for `"message":` anywhere in the text, which also flags real data that happens to
 * carry a message field; Arbor flags objects of at most two keys, one of them "message".
 */
function isMessageOnly(response: unknown): boolean {
  let value = response;
  if (typeof value === "string" && value.trimStart().startsWith("{")) {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes("message") && keys.length <= 2;
}

/**
 * The code of a response an API gave (real or recorded), by the markers ToolBench's server looks for
 * in its text: RapidAPI's gateway and plan messages, then a "message" field (an error message
 * instead of data). HTTP statuses say the same where the text does not.
 */
export function classifyResponse(response: unknown, httpStatus?: number): ClassifiedAnswer {
  const text = asText(response);
  const kind = ((): ApiErrorKind | undefined => {
    if (text.includes("API (not working)") || httpStatus === 404 || (httpStatus !== undefined && httpStatus >= 500)) return "notWorking";
    if (/unauthorized/i.test(text) || httpStatus === 401 || httpStatus === 403) return "unauthorized";
    if (text.includes("You are not subscribed to this API")) return "unsubscribed";
    if (text.includes("Too many requests") || httpStatus === 429) return "tooManyRequests";
    if (text.includes("exceeded the rate limit per minute")) return "rateLimit";
    if (isMessageOnly(response) || (httpStatus !== undefined && httpStatus >= 400)) return "message";
    return undefined;
  })();
  if (!kind) return { answer: { error: "", response }, code: 0 };
  return { answer: { error: API_ERRORS[kind].error, response }, code: API_ERRORS[kind].code };
}

/**
 * The code of a stored or simulated `{error, response}`: no error is success; an error ToolBench
 * names keeps its code; any other error is code 11 (the answer's error field was set).
 */
export function classifyStoredAnswer(answer: ApiAnswer): number {
  if (answer.error === "") return 0;
  const known = Object.values(API_ERRORS).find((e) => answer.error.startsWith(e.error.trim()));
  return known ? known.code : API_ERRORS.message.code;
}

/** `{error, response}` read from stored JSON (a cache entry, a simulator's reply). */
export function readApiAnswer(value: unknown): ApiAnswer | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if (!("response" in o) && !("error" in o)) return undefined;
  return { error: typeof o.error === "string" ? o.error : o.error == null ? "" : asText(o.error), response: o.response ?? "" };
}
