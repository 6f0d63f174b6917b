// Builders for run tests: a small catalog (one tool, two APIs with response schemas), instructions
// linked to it, and an LLM endpoint pointing at a fake server (its scripts: fake-llm-scripts.ts).
import { pool } from "@/lib/server/db/pool";
import { addLlmEndpoint } from "@/lib/server/services/llm-endpoints";
import { WEATHER_TOOL } from "./fake-llm-scripts";
import { seedCategory, seedInstruction } from "./seed";

export { ALERTS_FN, backtracking, directAnswer, FORECAST_FN, WEATHER_TOOL, writesInstructions } from "./fake-llm-scripts";

export async function seedWeatherCatalog(options: { url?: string } = {}) {
  const category = await seedCategory("Weather", [
    {
      name: WEATHER_TOOL,
      description: "Forecasts and alerts for any city.",
      apis: [
        {
          name: "Daily Forecast",
          description: "The forecast for a city",
          url: options.url ? `${options.url}/forecast` : "https://weather-hub.p.rapidapi.com/forecast",
          requiredParameters: [{ name: "city", type: "STRING", description: "City name", default: "Oslo" }],
          responseSchema: { city: "str", temperature: "int", conditions: "str" },
        },
        {
          name: "Weather Alerts",
          description: "Severe weather alerts",
          url: options.url ? `${options.url}/alerts` : "https://weather-hub.p.rapidapi.com/alerts",
          requiredParameters: [{ name: "city", type: "STRING", description: "City name", default: "Oslo" }],
          responseSchema: { alerts: [{ severity: "str", text: "str" }] },
        },
      ],
    },
  ]);
  const tool = category.tools[WEATHER_TOOL]!;
  return { category, tool, forecastId: tool.apiIds["Daily Forecast"]!, alertsId: tool.apiIds["Weather Alerts"]! };
}

/** `n` instructions over the two weather APIs (group G1, linked to the catalog). */
export async function seedWeatherInstructions(catalog: Awaited<ReturnType<typeof seedWeatherCatalog>>, n: number, prefix = "Weather question"): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await seedInstruction({
        group: "G1",
        query: `${prefix} ${i + 1}: what is the forecast for Oslo tomorrow, and are there any alerts?`,
        sampledApis: [
          { category: "Weather", tool: WEATHER_TOOL, api: "Daily Forecast" },
          { category: "Weather", tool: WEATHER_TOOL, api: "Weather Alerts" },
        ],
        relevantApis: [[WEATHER_TOOL, "Daily Forecast"], [WEATHER_TOOL, "Weather Alerts"]],
        categoryIds: [catalog.category.id],
        toolIds: [catalog.tool.id],
        links: [
          [catalog.forecastId, true],
          [catalog.alertsId, true],
        ],
      }),
    );
  }
  return ids;
}

export async function addFakeEndpoint(url: string, over: { name?: string; apiKey?: string; model?: string; concurrency?: number; prices?: { prompt: number; completion: number } } = {}): Promise<number> {
  return addLlmEndpoint({
    name: over.name ?? `fake ${url}`,
    baseUrl: url,
    model: over.model ?? "fake-model",
    apiKey: over.apiKey ?? "sk-fake-test-key-1234",
    temperature: 0,
    concurrency: over.concurrency ?? 8,
    prices: over.prices ?? { prompt: 1, completion: 2 },
  });
}

export const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => (await pool().query(text, params)).rows as T[];

