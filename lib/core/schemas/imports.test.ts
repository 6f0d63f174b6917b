import { describe, expect, it } from "vitest";
import { pathImportInput, safeRelativePath } from "./imports";

describe("safeRelativePath", () => {
  it("keeps folder structure that names groups and query ids", () => {
    expect(safeRelativePath("datasets/toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json")).toBe(
      "datasets/toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json",
    );
    expect(safeRelativePath("./a\\b//c.json")).toBe("a/b/c.json");
  });
  it("refuses paths that would leave the upload folder", () => {
    expect(safeRelativePath("../etc/passwd")).toBeUndefined();
    expect(safeRelativePath("a/../../b.json")).toBeUndefined();
    expect(safeRelativePath("C:/x.json")).toBeUndefined();
    expect(safeRelativePath("")).toBeUndefined();
  });
  it("leading slashes are relative to the upload folder", () => {
    expect(safeRelativePath("/abs/file.json")).toBe("abs/file.json");
  });
});

describe("pathImportInput", () => {
  it("requires at least one non-empty path", () => {
    expect(pathImportInput.safeParse({ paths: [] }).success).toBe(false);
    expect(pathImportInput.safeParse({ paths: ["  "] }).success).toBe(false);
    expect(pathImportInput.parse({ paths: [" /data/toolbench "] })).toEqual({ paths: ["/data/toolbench"] });
  });
});
