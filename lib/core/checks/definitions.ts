// The per-step checks Arbor runs on every tree (on import and when a generated tree is written), in
// the spirit of APIGen's format / execution / semantic stages: each is one bit of a node's `checks`,
// and a tree's `checkFlags` is the union of its nodes'. The bit values are stored: never renumber.

export const CHECK_KEYS = [
  "args_not_json",
  "missing_required",
  "unknown_parameter",
  "wrong_type",
  "unknown_function",
  "api_error",
  "empty_thought",
  "empty_final_answer",
  "no_final_answer",
  "repeated_call",
] as const;

export type CheckKey = (typeof CHECK_KEYS)[number];

export type CheckStage = "format" | "execution" | "semantic";

export interface CheckDefinition {
  key: CheckKey;
  bit: number;
  /** A few words for a badge. */
  label: string;
  /** What the check found, in one sentence. */
  meaning: string;
  stage: CheckStage;
}

const DEFINITIONS: readonly Omit<CheckDefinition, "bit">[] = [
  { key: "args_not_json", label: "arguments not JSON", meaning: "The call's arguments are not a valid JSON object.", stage: "format" },
  { key: "missing_required", label: "missing parameter", meaning: "The call leaves out a parameter the function requires.", stage: "format" },
  { key: "unknown_parameter", label: "unknown parameter", meaning: "The call passes a parameter the function does not have.", stage: "format" },
  { key: "wrong_type", label: "wrong type", meaning: "The call passes a value of another type than the parameter's.", stage: "format" },
  { key: "unknown_function", label: "unknown function", meaning: "The function called is not in the instruction's API list.", stage: "format" },
  { key: "api_error", label: "API error", meaning: "The API answered with an error (observation code 2 or 5–12).", stage: "execution" },
  { key: "empty_thought", label: "empty thought", meaning: "The model wrote a thought with no text.", stage: "semantic" },
  { key: "empty_final_answer", label: "empty answer", meaning: "Finish was called to give an answer, but the answer is missing or empty.", stage: "semantic" },
  { key: "no_final_answer", label: "no final answer", meaning: "The tree has no final answer (the search gave up or never finished).", stage: "semantic" },
  { key: "repeated_call", label: "repeated call", meaning: "The same function was already called with the same arguments earlier on this path.", stage: "semantic" },
];

export const CHECKS: readonly CheckDefinition[] = DEFINITIONS.map((d) => ({ ...d, bit: 1 << CHECK_KEYS.indexOf(d.key) }));

const BY_KEY = new Map(CHECKS.map((c) => [c.key, c]));

export const CHECK_BIT = Object.fromEntries(CHECKS.map((c) => [c.key, c.bit])) as Record<CheckKey, number>;

export function checkDefinition(key: CheckKey): CheckDefinition {
  return BY_KEY.get(key)!;
}

/** The checks a bit set holds, in definition order. */
export function checksOf(mask: number): CheckDefinition[] {
  return mask === 0 ? [] : CHECKS.filter((c) => (mask & c.bit) !== 0);
}
