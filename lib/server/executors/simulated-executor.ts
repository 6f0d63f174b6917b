// The simulated executor, StableToolBench's way: an LLM plays the API from its documentation, up to
// 5 recorded calls as examples and the call's input, answering `{"error", "response"}` as a JSON
// object (three tries). Its answers go to the cache, so the same call is answered the same way later.
import { classifyStoredAnswer, failureAnswer } from "@/lib/core/runs/api-response";
import { buildSimulationPrompt, MAX_SIMULATION_EXAMPLES, readSimulatedReply } from "@/lib/core/runs/simulation-prompt";
import { LlmError } from "@/lib/core/generation/errors";
import type { LlmClient } from "../llm/llm-client";
import { isEndpointMisconfigured } from "../llm/llm-errors";
import { listCachedExamples, storeCachedAnswers } from "../repositories/api-cache";
import type { ToolExecutor } from "./types";

const TRIES = 3;

export function simulatedExecutor(client: Pick<LlmClient, "chat">): ToolExecutor {
  return async (call) => {
    const examples = await listCachedExamples(call.functionName, MAX_SIMULATION_EXAMPLES);
    const messages = buildSimulationPrompt(
      {
        toolName: call.api.tool,
        toolDescription: call.api.toolDescription ?? "",
        apiName: call.api.name,
        apiDescription: call.api.description,
        requiredParameters: call.api.requiredParameters,
        optionalParameters: call.api.optionalParameters,
        responseShape: call.api.responseSchema ?? undefined,
      },
      examples.map((e) => ({ args: e.argsKey, answer: e.response })),
      call.argumentsText,
    );
    for (let attempt = 0; attempt < TRIES; attempt++) {
      let reply;
      try {
        reply = await client.chat(messages, { json: true });
      } catch (e) {
        // an unreachable simulator is a failed call for the model (the run goes on); a misconfigured one stops the run
        if (e instanceof LlmError && !isEndpointMisconfigured(e)) return { ...failureAnswer("requestFailed", `the simulator failed: ${e.message}`), final: false };
        throw e;
      }
      const answer = readSimulatedReply(reply.text);
      if (!answer) continue;
      await storeCachedAnswers([{ apiId: call.api.apiId, functionName: call.functionName, argsKey: call.argsKey, response: answer, source: "simulated" }]);
      return { answer, code: classifyStoredAnswer(answer), final: true };
    }
    return { ...failureAnswer("requestFailed", `the simulator did not answer with {"error", "response"} in ${TRIES} tries`), final: false };
  };
}
