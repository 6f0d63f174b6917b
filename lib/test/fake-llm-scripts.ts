// Scripted models for the fake OpenAI server, shared by database tests, browser tests and the
// benchmark. Each answers from the request alone (never from a call counter), so a search that is
// interrupted and resumed gets the same replies as one that is not.
import { answer, callTool, giveUp, isDiversityRequest, offeredFunctions, toolResults, type FakeReply, type FakeRequest } from "./fake-openai-server";

export const WEATHER_TOOL = "Weather Hub";
export const FORECAST_FN = "daily_forecast_for_weather_hub";
export const ALERTS_FN = "weather_alerts_for_weather_hub";

/** The shortest useful solve: call the forecast, then answer. */
export const directAnswer = (r: FakeRequest): FakeReply => (toolResults(r) === 0 ? callTool(FORECAST_FN, { city: "Oslo" }, "I will look up the forecast.") : answer("Light rain, 4°C, no alerts."));

/**
 * A DFSDT search that backtracks (7 calls): the first branch calls the forecast, then the alerts,
 * and gives up; its second child does the same; the root's second child (asked, after the
 * "try something different" prompt, for another first step) calls the alerts for Bergen and
 * answers. Decided by the request alone, so a resumed search gets the same replies as an
 * uninterrupted one.
 */
export function backtracking(r: FakeRequest): FakeReply {
  const steps = toolResults(r);
  const called = (text: string) => r.messages.some((m) => m.tool_calls?.some((c) => c.function.name.includes(text) || c.function.arguments.includes(text)));
  if (isDiversityRequest(r) && steps === 0) return callTool(ALERTS_FN, { city: "Bergen" }, "Another way: the alerts first.");
  if (called("Bergen")) return answer("Bergen has no alerts.");
  if (steps === 0) return callTool(FORECAST_FN, { city: "Oslo" }, "Start with the forecast.");
  if (steps === 1) return callTool(ALERTS_FN, { city: "Oslo" });
  return giveUp("These results do not help.");
}

/**
 * A model that writes instructions: it reads the documented APIs from the generation prompt and
 * writes as many queries as asked, all over those APIs but the last, which names an API it was not
 * shown (the hallucination filter drops it).
 */
export function writesInstructions(r: FakeRequest): FakeReply {
  const prompt = r.messages.map((m) => m.content ?? "").join("\n");
  const docs = prompt
    .slice(prompt.indexOf("API documentation:"))
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { tool_name: string; api_name: string });
  const asked = Number(/Write (\d+) different user queries/.exec(prompt)?.[1] ?? 1);
  const queries = Array.from({ length: asked - 1 }, (_, i) => {
    const api = docs[i % docs.length]!;
    return { query: `Query ${Math.random().toString(36).slice(2)} ${i}: use ${api.api_name} of ${api.tool_name} for Oslo on 2024-05-14.`, related_apis: [[api.tool_name, api.api_name]] };
  });
  queries.push({ query: "Book me a table at a restaurant that no API here knows.", related_apis: [["Imaginary Tool", "Book Table"]] });
  return { content: `Here you go:\n${JSON.stringify(queries)}` };
}

/** Any instruction: call the first offered API with no arguments, then answer. */
export function solvesWithFirstFunction(r: FakeRequest): FakeReply {
  const first = offeredFunctions(r).find((f) => f !== "Finish");
  if (toolResults(r) === 0 && first) return callTool(first, {}, `I will call ${first}.`);
  return answer("Here is what I found.");
}
