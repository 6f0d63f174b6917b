import { describe, expect, it } from "vitest";
import { filterGeneratedQueries } from "./filter";

const sampled = [
  { tool: "Pack & Send", name: "/api/tracking/{reference}" },
  { tool: "Pridnestrovie Post", name: "Get Track Info" },
  { tool: "SQUAKE", name: "Checkhealth" },
];

describe("filterGeneratedQueries", () => {
  it("keeps queries whose APIs were all sampled, in the sample's spelling", () => {
    const result = filterGeneratedQueries(
      [
        { query: " Track YZA890 and RB413450335SG. ", relevantApis: [["Pack & Send", "/api/tracking/{reference}"], ["pridnestrovie post", "get_track_info"]] },
        { query: "Is SQUAKE up?", relevantApis: [["SQUAKE", "Checkhealth"], ["Squake", "checkhealth"]] },
      ],
      sampled,
    );
    expect(result.kept).toEqual([
      { query: "Track YZA890 and RB413450335SG.", relevantApis: [["Pack & Send", "/api/tracking/{reference}"], ["Pridnestrovie Post", "Get Track Info"]] },
      { query: "Is SQUAKE up?", relevantApis: [["SQUAKE", "Checkhealth"]] },
    ]);
    expect(result.counts).toEqual({ kept: 2, dropped: 0, unknown_api: 0, no_related_apis: 0, empty_query: 0, duplicate: 0 });
  });

  it("drops queries naming an API outside the sample, and says which and why", () => {
    const result = filterGeneratedQueries(
      [
        { query: "Track it and book a courier.", relevantApis: [["Pack & Send", "/api/tracking/{reference}"], ["Pack & Send", "Book Courier"]] },
        { query: "No APIs named.", relevantApis: [] },
        { query: "   ", relevantApis: [["SQUAKE", "Checkhealth"]] },
        { query: "Is SQUAKE up?", relevantApis: [["SQUAKE", "Checkhealth"]] },
        { query: "is  squake UP?", relevantApis: [["SQUAKE", "Checkhealth"]] },
      ],
      sampled,
    );
    expect(result.kept.map((q) => q.query)).toEqual(["Is SQUAKE up?"]);
    expect(result.dropped).toEqual([
      { query: "Track it and book a courier.", reason: "unknown_api", unknownApis: [["Pack & Send", "Book Courier"]] },
      { query: "No APIs named.", reason: "no_related_apis" },
      { query: "   ", reason: "empty_query" },
      { query: "is  squake UP?", reason: "duplicate" },
    ]);
    expect(result.counts).toEqual({ kept: 1, dropped: 4, unknown_api: 1, no_related_apis: 1, empty_query: 1, duplicate: 1 });
  });
});
