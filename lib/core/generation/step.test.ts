import { describe, expect, it } from "vitest";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { echoExecutor } from "@/lib/test/scripted-world";
import { evaluateFinish, FINISH_OBSERVATIONS, performStep, resolveFunction, truncateObservation } from "./step";

const fn = (name: string): OpenAiFunction => ({ name, description: "", parameters: { type: "object", properties: {}, required: [] } });
const functions = [fn("search_for_weather"), fn("forecast_for_weather"), FINISH_FUNCTION];

describe("evaluateFinish", () => {
  it("answers give_answer with code 3 and give_up_and_restart with code 4", () => {
    expect(evaluateFinish('{"return_type": "give_answer", "final_answer": "42"}')).toEqual({ observation: FINISH_OBSERVATIONS.answer, code: 3 });
    expect(evaluateFinish('{"return_type": "give_up_and_restart"}')).toEqual({ observation: FINISH_OBSERVATIONS.giveUp, code: 4 });
  });

  it("gives code 2 without a return_type, or with give_answer but no final_answer key", () => {
    expect(evaluateFinish('{"final_answer": "x"}')).toEqual({ observation: '{error:"must have "return_type""}', code: 2 });
    expect(evaluateFinish('{"return_type": "give_answer"}')).toEqual({ observation: '{error:"must have "final_answer""}', code: 2 });
    expect(evaluateFinish("[1, 2]").code).toBe(2);
    expect(evaluateFinish('{"return_type": "maybe"}')).toEqual({ observation: FINISH_OBSERVATIONS.invalidReturnType, code: 2 });
  });

  it("accepts raw newlines in strings (json.loads strict=False)", () => {
    expect(evaluateFinish('{"return_type": "give_answer", "final_answer": "two\nlines"}').code).toBe(3);
  });

  it("falls back to ToolBench's string search when the JSON is broken", () => {
    expect(evaluateFinish('{"return_type": "give_answer", "final_answer": "unterminated').code).toBe(3);
    expect(evaluateFinish('{"return_type": "give_up_and_restart", oops}').code).toBe(4);
    expect(evaluateFinish('{"return_type": "give_answer" oops').code).toBe(2);
    expect(evaluateFinish("not json at all").code).toBe(2);
  });
});

describe("resolveFunction", () => {
  it("takes the first function whose name ends with the model's name", () => {
    expect(resolveFunction(functions, "forecast_for_weather")?.name).toBe("forecast_for_weather");
    expect(resolveFunction(functions, "for_weather")?.name).toBe("search_for_weather");
    expect(resolveFunction(functions, "")?.name).toBe("search_for_weather");
  });
  it("never resolves to Finish and finds nothing for unknown names", () => {
    expect(resolveFunction(functions, "ish")).toBeUndefined();
    expect(resolveFunction(functions, "weather_now")).toBeUndefined();
  });
});

describe("performStep", () => {
  it("sends resolved calls to the executor under the function's full name", async () => {
    const execute = echoExecutor();
    const result = await performStep(functions, "for_weather", '{"q": 1}', execute, 1024);
    expect(execute.calls).toEqual([["search_for_weather", '{"q": 1}']]);
    expect(result.code).toBe(0);
  });

  it("answers an unknown name with code 1 without calling the executor", async () => {
    const execute = echoExecutor();
    const result = await performStep(functions, "café_now", "{}", execute, 1024);
    expect(result).toEqual({ observation: '{"error": "No such function name: caf\\u00e9_now", "response": ""}', code: 1 });
    expect(execute.calls).toEqual([]);
  });

  it("handles Finish itself", async () => {
    const execute = echoExecutor();
    expect((await performStep(functions, "Finish", '{"return_type": "give_up_and_restart"}', execute, 1024)).code).toBe(4);
    expect(execute.calls).toEqual([]);
  });

  it("cuts long observations", async () => {
    const result = await performStep(functions, "search_for_weather", "x".repeat(50), echoExecutor(), 20);
    expect(result.observation).toHaveLength(23);
    expect(result.observation.endsWith("...")).toBe(true);
  });
});

describe("truncateObservation", () => {
  it("cuts by code points, adds '...', and is idempotent", () => {
    const once = truncateObservation("😀".repeat(10), 4);
    expect(once).toBe("😀😀😀😀...");
    expect(truncateObservation(once, 4)).toBe(once);
    expect(truncateObservation("short", 10)).toBe("short");
    expect(truncateObservation("x".repeat(2000), Infinity)).toHaveLength(2000);
  });
});
