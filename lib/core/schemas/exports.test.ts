import { describe, expect, it } from "vitest";
import { parseExportRequest } from "./exports";

describe("parseExportRequest", () => {
  it("defaults to the approved trees and keeps the filter in its canonical form", () => {
    expect(parseExportRequest({ format: "openai" })).toMatchObject({ ok: true, value: { format: "openai", query: "status=approved" } });
    const r = parseExportRequest({ format: "sharegpt", query: "?group=G1&status=approved&page=3&sort=size" });
    expect(r).toMatchObject({ ok: true, value: { query: "group=G1&status=approved", filter: { group: "G1", status: "approved", sort: "id", dir: "asc" } } });
  });

  it("names what is wrong", () => {
    expect(parseExportRequest({ format: "csv" })).toEqual({ ok: false, message: expect.stringContaining('format must be one of "toolbench_answers"') });
    expect(parseExportRequest({ format: "openai", query: "status=maybe" })).toEqual({ ok: false, message: expect.stringMatching(/^Invalid filter: status: status must be one of/) });
    expect(parseExportRequest({ format: "openai", query: "colour=red" })).toEqual({ ok: false, message: expect.stringContaining('unknown parameter "colour"') });
  });
});
