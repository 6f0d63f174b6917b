// What ToolBench's observation codes mean. Every Action Input node of a tree carries one; they decide
// a tree's error counts and tell a reader at a glance why a call went wrong.

export type ObservationKind = "ok" | "final" | "give_up" | "hallucination" | "error";

export interface ObservationCodeInfo {
  code: number;
  /** A few words for a badge. */
  label: string;
  /** One sentence for a tooltip or an explanation next to the observation. */
  meaning: string;
  kind: ObservationKind;
}

// Codes 7 and 8: ToolBench's docstring says "7 not subscribed, 8 unauthorized", but its RapidAPI
// client assigns 7 to "Unauthorized error..." and 8 to "Unsubscribed error...". The stored data
// follows the client, so the meanings below say both.
const CODES: readonly ObservationCodeInfo[] = [
  { code: 0, label: "OK", meaning: "The API answered normally.", kind: "ok" },
  { code: 1, label: "Hallucinated function", meaning: "The model called a function name that is not among the offered functions.", kind: "hallucination" },
  { code: 2, label: "Bad input", meaning: "The call's arguments could not be parsed or did not fit the function.", kind: "error" },
  { code: 3, label: "Final answer", meaning: "The model called Finish and gave its final answer.", kind: "final" },
  { code: 4, label: "Give up", meaning: "The model called Finish to give up and restart from another branch.", kind: "give_up" },
  { code: 5, label: "Timeout", meaning: "The API call timed out.", kind: "error" },
  { code: 6, label: "Not working (404)", meaning: "The API was not working (RapidAPI's gateway reported the API down, or a 404).", kind: "error" },
  { code: 7, label: "Unauthorized", meaning: "The API refused the call as unauthorized (documented by ToolBench as 'not subscribed').", kind: "error" },
  { code: 8, label: "Not subscribed", meaning: "The RapidAPI key is not subscribed to this API (documented by ToolBench as 'unauthorized').", kind: "error" },
  { code: 9, label: "Too many requests", meaning: "The API answered 'too many requests'.", kind: "error" },
  { code: 10, label: "Rate limited", meaning: "The per-minute rate limit was reached.", kind: "error" },
  { code: 11, label: "Error in response", meaning: "The response's error field was set (or the endpoint does not exist).", kind: "error" },
  { code: 12, label: "Request failed", meaning: "The request could not be sent or its answer could not be read.", kind: "error" },
  { code: 13, label: "Simulator error", meaning: "StableToolBench's simulated API server returned output in the wrong format.", kind: "error" },
];

const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

export const OBSERVATION_CODES: readonly ObservationCodeInfo[] = CODES;

/** The meaning of an observation code; unknown codes are described as such rather than hidden. */
export function describeObservationCode(code: number): ObservationCodeInfo {
  return BY_CODE.get(code) ?? { code, label: `Code ${code}`, meaning: `Observation code ${code} is not one ToolBench defines.`, kind: "error" };
}


/** The codes a tree's API-error count adds up: 2 (bad input) and 5–12 (the call failed). */
export const isApiErrorCode = (code: number | undefined) => code === 2 || (code !== undefined && code >= 5 && code <= 12);
