// The instruction-generation prompt, in Arbor's words, asking for what ToolBench's asks (paper §2.2,
// appendix B.1): about ten queries per call over the sampled APIs' documentation, each using several
// of them with concrete parameter values, in varied tones, each listing the APIs it needs; a few seed
// examples show the format.
import type { ChatMessage } from "../types";
import type { Rng } from "../rng";
import type { CatalogApiRecord } from "./catalog";
import type { InstructionGroup } from "./sample";

export interface SeedExample {
  query: string;
  relevantApis: [string, string][];
}

/** Arbor's own seed examples (single-tool and multi-tool); callers may pass their own. */
export const DEFAULT_SEEDS: Record<"single" | "multi", SeedExample[]> = {
  single: [
    {
      query: "I'm putting together a weekend reading list for my book club. Could you look up the details of the novel with ISBN 9780143127741, and also find three other books by the same author so we can pick our next title?",
      relevantApis: [["Open Library", "Get Book By ISBN"], ["Open Library", "Search Books By Author"]],
    },
    {
      query: "My flight lands in Lisbon on 2024-05-14 around 9 pm. What's the weather forecast there for that evening and the following two days, and will there be any severe weather alerts I should plan around?",
      relevantApis: [["WeatherHub", "Daily Forecast"], ["WeatherHub", "Weather Alerts"]],
    },
    {
      query: "We run a small online shop and need to check order #58213. Please fetch its current status, list the items in it, and tell me the tracking number the courier assigned so I can answer the customer who wrote in this morning.",
      relevantApis: [["ShopDesk", "Get Order"], ["ShopDesk", "List Order Items"], ["ShopDesk", "Get Shipment"]],
    },
    {
      query: "Convert 1,250 US dollars to Japanese yen at today's rate, and show me how the USD/JPY rate moved over the last 30 days — I want to decide whether to exchange now or wait until next week.",
      relevantApis: [["FX Rates", "Convert Currency"], ["FX Rates", "Historical Rates"]],
    },
  ],
  multi: [
    {
      query: "I'm planning a surprise anniversary dinner in Chicago this Saturday. Find three well-rated Italian restaurants near the Loop, check the forecast for Saturday evening, and suggest a romantic song playlist we could play on the drive there.",
      relevantApis: [["Restaurant Finder", "Search Restaurants"], ["WeatherHub", "Daily Forecast"], ["Tune Search", "Search Playlists"]],
    },
    {
      query: "As a freelance translator I invoice clients in euros. Convert my last invoice of 2,400 EUR to Canadian dollars, look up the current VAT rate for Germany, and give me the public holidays in Germany for December 2024 so I can plan my deadlines.",
      relevantApis: [["FX Rates", "Convert Currency"], ["Tax Data", "VAT Rate By Country"], ["Holidays API", "Holidays By Country"]],
    },
    {
      query: "Our team is relocating an office to Austin. Could you get the average rent for a two-bedroom apartment there, the commute time by car from downtown to the Domain at 8 am, and a few coworking spaces within two miles of downtown?",
      relevantApis: [["Rent Estimates", "Average Rent"], ["Route Planner", "Travel Time"], ["Places Search", "Nearby Search"]],
    },
    {
      query: "Hey! My nephew turns ten next week and loves space. Find me a kid-friendly documentary about Mars, today's NASA astronomy picture, and a toy store in Denver that stocks telescope kits under $80.",
      relevantApis: [["Movie Database", "Search Titles"], ["NASA Open Data", "Astronomy Picture Of The Day"], ["Places Search", "Text Search"]],
    },
  ],
};

/** `count` seed examples drawn from the single- or multi-tool set. */
export function sampleSeeds(group: InstructionGroup, rng: Rng, count = 3, seeds: Record<"single" | "multi", SeedExample[]> = DEFAULT_SEEDS): SeedExample[] {
  const pool = group === "G1" ? seeds.single : seeds.multi;
  return rng.sample(pool, Math.min(count, pool.length));
}

/** One API's documentation as the model reads it (ToolBench's api_list fields). */
function apiDoc(api: CatalogApiRecord): Record<string, unknown> {
  return {
    category_name: api.category,
    tool_name: api.tool,
    api_name: api.name,
    api_description: api.description,
    required_parameters: api.requiredParameters,
    optional_parameters: api.optionalParameters,
    method: api.method ?? "GET",
    ...(api.templateResponse !== undefined ? { template_response: api.templateResponse } : {}),
  };
}

const asOutput = (examples: readonly SeedExample[]) => JSON.stringify(examples.map((e) => ({ query: e.query, related_apis: e.relevantApis })), null, 2);

export interface InstructionPromptInput {
  group: InstructionGroup;
  apis: readonly CatalogApiRecord[];
  seeds: readonly SeedExample[];
  /** Queries to ask for (ToolBench asks for 10). */
  count?: number;
}

/** The messages of one generation call. The reply is read with parseGeneratedQueries. */
export function buildInstructionPrompt(input: InstructionPromptInput): ChatMessage[] {
  const count = input.count ?? 10;
  const complex = Math.min(3, Math.max(0, count - 1));
  const multi = input.group !== "G1";
  const system =
    "You write realistic requests that users send to an assistant able to call web APIs. " +
    "Every request you write must be answerable with the APIs you are shown, and you name exactly which of them it needs.";
  const rules = [
    multi
      ? "Each query needs 2 to 5 of the APIs below, taken from at least two different tools."
      : "Each query needs 2 to 5 of the APIs below.",
    "Give concrete values for the parameters those APIs take (names, places, dates, IDs, amounts), never placeholders such as <city> or \"some product\".",
    "Each query is at least 30 words long and does not mention API or tool names.",
    "Vary the tone (casual, formal, urgent, curious), the sentence form (questions, requests, statements) and who is asking and why; do not begin two queries the same way.",
    `Make the first ${count - complex} queries very specific; make the last ${complex} more complex, combining more of the APIs.`,
    "List in related_apis every API the query needs, as [tool_name, api_name] exactly as written in the documentation. Use no API that is not documented below.",
  ];
  const user = [
    `Write ${count} different user queries that can be handled with the APIs documented at the end.`,
    "",
    "Requirements:",
    ...rules.map((r, i) => `${i + 1}. ${r}`),
    "",
    'Answer with a JSON array only, one object per query: {"query": "...", "related_apis": [["tool_name", "api_name"], ...]}.',
    "",
    "Examples of the format and the level of detail wanted (they use other APIs):",
    asOutput(input.seeds),
    "",
    "API documentation:",
    ...input.apis.map((a) => JSON.stringify(apiDoc(a))),
  ].join("\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}
