import { describe, expect, it } from "vitest";
import { readApiParameters } from "./api-parameters";

describe("readApiParameters", () => {
  it("reads ToolBench parameters, showing defaults as examples", () => {
    expect(
      readApiParameters(
        [
          { name: "sport", type: "STRING", description: "sport key", default: "americanfootball_nfl" },
          { name: "daysFrom", type: "NUMBER", description: "days", default: 3 },
          { name: "flag", type: "BOOLEAN", description: "", default: true },
        ],
        false,
      ),
    ).toEqual([
      { name: "sport", type: "STRING", description: "sport key", required: false, example: "americanfootball_nfl" },
      { name: "daysFrom", type: "NUMBER", description: "days", required: false, example: "3" },
      { name: "flag", type: "BOOLEAN", description: "", required: false, example: "true" },
    ]);
  });

  it("fills missing fields and skips entries without a name", () => {
    expect(readApiParameters([{ name: "q" }, { type: "STRING" }, 5], true)).toEqual([{ name: "q", type: "STRING", description: "", required: true, example: null }]);
    expect(readApiParameters(null, true)).toEqual([]);
  });
});
