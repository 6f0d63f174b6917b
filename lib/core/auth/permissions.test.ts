import { describe, expect, it } from "vitest";
import { can, forbiddenMessage, roleOf } from "./permissions";

describe("permissions", () => {
  it("gives admins everything, reviewers review and comment, viewers reading", () => {
    expect(can("admin", "manage_users")).toBe(true);
    expect(can("reviewer", "review")).toBe(true);
    expect(can("reviewer", "comment")).toBe(true);
    expect(can("reviewer", "import")).toBe(false);
    expect(can("reviewer", "bulk_review")).toBe(false);
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "review")).toBe(false);
    expect(can("viewer", "comment")).toBe(false);
  });
  it("treats unknown roles as viewers", () => {
    expect(roleOf("superuser")).toBe("viewer");
    expect(roleOf(undefined)).toBe("viewer");
    expect(roleOf("reviewer")).toBe("reviewer");
  });
  it("explains a refusal", () => {
    expect(forbiddenMessage("viewer", "review")).toBe("Your role (viewer) does not allow you to review trees.");
  });
});
