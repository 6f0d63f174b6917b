// The simulated executor's prompt, after StableToolBench's virtual API server (TOOLBENCH.md §5): the
// model plays the API from its documentation, a few recorded calls as examples and the call's input,
// and answers with `{"error": "", "response": ...}` only. In Arbor's words.
import type { ChatMessage } from "../generation/types";
import { readApiAnswer, type ApiAnswer } from "./api-response";

export interface SimulatedApi {
  toolName: string;
  toolDescription: string;
  apiName: string;
  apiDescription: string;
  requiredParameters: unknown;
  optionalParameters: unknown;
  /** The response schema or example the catalog holds, when it holds one. */
  responseShape?: unknown;
}

/** StableToolBench shows at most 5 examples, cut to 2048 characters in all. */
export const MAX_SIMULATION_EXAMPLES = 5;
const EXAMPLES_MAX_CHARS = 2048;

const SYSTEM = [
  "You stand in for a web API. You get the API's documentation, some earlier calls with the answers the real API gave, and a new call's input.",
  "Answer the new call as the real API would, keeping to its documented behaviour and to the style and structure of the earlier answers.",
  'Reply with one JSON object and nothing else: {"error": "", "response": <the API\'s answer>}. Keep the answer short (about 100 to 200 words).',
  'If the input is invalid for this API (a missing required parameter, a wrong type), put a short explanation in "error" and leave "response" empty.',
  'Example: for a weather API called with {"city": "Oslo"} you might reply {"error": "", "response": {"city": "Oslo", "temperature_c": 4, "conditions": "light rain"}}.',
].join("\n");

/** Recorded arguments (canonical JSON) shown as the object they are. */
function readArgs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function buildSimulationPrompt(api: SimulatedApi, examples: readonly { args: string; answer: unknown }[], argumentsText: string): ChatMessage[] {
  const documentation = {
    tool_description: api.toolDescription,
    api_info: {
      name: api.apiName,
      description: api.apiDescription,
      required_parameters: api.requiredParameters,
      optional_parameters: api.optionalParameters,
      ...(api.responseShape !== undefined ? { response_shape: api.responseShape } : {}),
    },
  };
  const shown = examples.slice(0, MAX_SIMULATION_EXAMPLES).map((e) => ({ input: readArgs(e.args), output: e.answer }));
  const user = [
    `API documentation: ${JSON.stringify(documentation)}`,
    `API examples: ${JSON.stringify(shown).slice(0, EXAMPLES_MAX_CHARS)}`,
    `API input: ${argumentsText.trim() === "" ? "{}" : argumentsText}`,
  ].join("\n");
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: user },
  ];
}

/** The simulator's reply as an answer, or undefined when it is not the JSON object asked for. */
export function readSimulatedReply(text: string): ApiAnswer | undefined {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  try {
    return readApiAnswer(JSON.parse(text.slice(start, end + 1)));
  } catch {
    return undefined;
  }
}
