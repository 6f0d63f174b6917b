// APIs as the OpenAI functions the model is offered, exactly as ToolBench's `api_json_to_openai_json`
// builds them: answer files store this list, and ToolLLaMA's training prompts embed it, so the
// schema (including its non-standard parts) is part of the data format rather than Arbor's choice.
import { changeName, functionNameFor, standardize } from "./names";
import { pyPrefix, pyReplace, pyStrip } from "./python-text";
import type { ApiParameter } from "./types";

export interface OpenAiFunctionParameter {
  type: string;
  description: string;
  example_value?: unknown;
}

export interface OpenAiFunction {
  name: string;
  description: string;
  parameters: {
    type: "object";
    properties: Record<string, OpenAiFunctionParameter | Record<string, unknown>>;
    required: string[];
    /** ToolBench's own addition (not part of JSON Schema): the optional parameters' names. */
    optional?: string[];
  };
}

/** The API fields the conversion reads (a catalog API or an instruction's api_list entry). */
export interface ApiDoc {
  /** api_name as written */
  name: string;
  description: string | null | undefined;
  /** Missing lists count as empty (ToolBench's own demo instructions carry names only). */
  requiredParameters?: readonly Partial<ApiParameter>[] | null;
  optionalParameters?: readonly Partial<ApiParameter>[] | null;
}

const DESCRIPTION_MAX = 256;
const TYPES: Record<string, string> = { NUMBER: "integer", STRING: "string", BOOLEAN: "boolean" };

function parameterSchema(p: Partial<ApiParameter>): [string, OpenAiFunctionParameter] {
  const name = changeName(standardize(p.name ?? ""));
  // Only the exact upper-case names map; "number", "ENUM", "DATE (YYYY-MM-DD)"… all become string.
  const type = TYPES[p.type ?? ""] ?? "string";
  const description = pyPrefix(p.description ?? "", DESCRIPTION_MAX);
  // ToolBench keeps the default when `len(str(default)) != 0`: only "" is dropped, so 0, false and
  // None (written null) all become example values. A missing key is treated as no default.
  const hasDefault = p.default !== undefined && p.default !== "";
  return [name, hasDefault ? { type, description, example_value: p.default } : { type, description }];
}

/** One API as the function the model calls: `<api>_for_<tool>` (last 64 characters). */
export function toOpenAiFunction(api: ApiDoc, standardizedToolName: string): OpenAiFunction {
  const name = functionNameFor(api.name, standardizedToolName);
  let description = `This is the subfunction for tool "${standardizedToolName}", you can use this tool.`;
  const apiDescription = api.description ?? "";
  if (pyStrip(apiDescription) !== "") {
    // The API's own name is replaced by the function name inside its description, then cut.
    const text = pyPrefix(pyReplace(pyStrip(apiDescription), api.name, name), DESCRIPTION_MAX);
    description += `The description of this function is: "${text}"`;
  }
  const fn: OpenAiFunction = { name, description, parameters: { type: "object", properties: {}, required: [], optional: [] } };
  // ToolBench's loop over optional parameters sits inside its `if required_parameters` block, so an
  // API with only optional parameters is offered with none at all. Reproduced deliberately: the
  // released data (and models trained on it) were made this way.
  const required = api.requiredParameters ?? [];
  if (required.length > 0) {
    for (const p of required) {
      const [key, schema] = parameterSchema(p);
      fn.parameters.properties[key] = schema;
      fn.parameters.required.push(key);
    }
    for (const p of api.optionalParameters ?? []) {
      const [key, schema] = parameterSchema(p);
      fn.parameters.properties[key] = schema;
      fn.parameters.optional!.push(key);
    }
  }
  return fn;
}

const finishFunction = (description: string): OpenAiFunction => ({
  name: "Finish",
  description,
  parameters: {
    type: "object",
    properties: {
      return_type: { type: "string", enum: ["give_answer", "give_up_and_restart"] },
      final_answer: {
        type: "string",
        description: 'The final answer you want to give the user. You should have this field if "return_type"=="give_answer"',
      },
    },
    required: ["return_type"],
  },
});

/**
 * The Finish function ToolBench appends to every function list. Its schema and wording are kept
 * exactly: the function list is stored in answer files and read back by ToolLLaMA-style training,
 * so this is data format, and the observations the engine returns for it depend on these names.
 */
export const FINISH_FUNCTION: OpenAiFunction = finishFunction(
  "If you believe that you have obtained a result that can answer the task, please call this function to provide the final answer. Alternatively, if you recognize that you are unable to proceed with the task in the current state, call this function to restart. Remember: you must ALWAYS call this function at the end of your attempt, and the only part that will be shown to the user is the final answer, so it should contain sufficient information.",
);

/** Finish as the earlier released answer files offer it (ToolBench later reworded its description only). */
export const FINISH_FUNCTION_ORIGINAL: OpenAiFunction = finishFunction(
  "If you think you get the result which can answer the task, call this function to give the final answer. Or, if you think you can't handle the task from this status, call this function to restart. Remember: you should ALWAYS call this function at the end of your try, and the final answer is the ONLY part that will be showed to user, so final answer should contain enough information.",
);

/** A solve task's functions: one per API (in the sampled order) followed by Finish. */
export function buildFunctionList(apis: readonly { api: ApiDoc; standardizedToolName: string }[], finish: OpenAiFunction = FINISH_FUNCTION): OpenAiFunction[] {
  return [...apis.map((a) => toOpenAiFunction(a.api, a.standardizedToolName)), finish];
}
