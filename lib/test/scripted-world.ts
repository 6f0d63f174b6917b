// Scripted worlds for engine tests: an LLM that answers from a list (recording every request it got)
// and an executor that answers every call with a fixed-format observation.
import type { Executor, FunctionCall, Llm, LlmOutput, LlmRequest, Observation } from "@/lib/core/generation/types";

export type ScriptedReply = Partial<LlmOutput> | ((request: LlmRequest, call: number) => Partial<LlmOutput>);

const USAGE = { promptTokens: 10, completionTokens: 5, totalTokens: 15 };

export function scriptedLlm(replies: readonly ScriptedReply[] | ((request: LlmRequest, call: number) => Partial<LlmOutput>)) {
  const requests: LlmRequest[] = [];
  const llm: Llm = async (request) => {
    requests.push(structuredClone(request));
    const call = requests.length;
    const entry = typeof replies === "function" ? replies : replies[call - 1];
    if (entry === undefined) throw new Error(`the script has no reply for call ${call}`);
    const reply = typeof entry === "function" ? entry(request, call) : entry;
    return { content: reply.content ?? null, functionCall: reply.functionCall ?? null, usage: reply.usage ?? USAGE };
  };
  return Object.assign(llm, { requests });
}

export const call = (name: string, args: Record<string, unknown> | string = {}, content: string | null = null): Partial<LlmOutput> => ({
  content,
  functionCall: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) } satisfies FunctionCall,
});

export const finish = (answer: string, content: string | null = null) => call("Finish", { return_type: "give_answer", final_answer: answer }, content);
export const giveUp = (content: string | null = null) => call("Finish", { return_type: "give_up_and_restart" }, content);

export function echoExecutor(code = 0) {
  const calls: [string, string][] = [];
  const execute: Executor = async (name, args): Promise<Observation> => {
    calls.push([name, args]);
    return { observation: JSON.stringify({ error: "", response: `${name} answered ${args}` }), code };
  };
  return Object.assign(execute, { calls });
}
