import { describe, expect, it } from "vitest";
import { cohensKappa, fleissKappa, type Rating } from "./agreement";
import { treeReviewState, type CurrentReview } from "./tree-state";

const review = (reviewerId: number, verdict: CurrentReview["verdict"], order: number, chosenNodeIdx: number | null = null): CurrentReview => ({ reviewerId, verdict, order, chosenNodeIdx });

describe("treeReviewState", () => {
  it("starts unreviewed with ToolBench's path", () => {
    expect(treeReviewState([], 1, 24)).toEqual({ reviewStatus: "unreviewed", reviewCount: 0, chosenNodeIdx: 24, chosenBy: "toolbench" });
    expect(treeReviewState([], 1, null)).toEqual({ reviewStatus: "unreviewed", reviewCount: 0, chosenNodeIdx: null, chosenBy: null });
  });
  it("takes one reviewer's verdict when one is enough", () => {
    expect(treeReviewState([review(1, "reject", 1)], 1, 24).reviewStatus).toBe("rejected");
    expect(treeReviewState([review(1, "approve", 1, 30)], 1, 24)).toEqual({ reviewStatus: "approved", reviewCount: 1, chosenNodeIdx: 30, chosenBy: "reviewer" });
    expect(treeReviewState([review(1, "approve", 1, 24)], 1, 24).chosenBy).toBe("toolbench");
  });
  it("waits for N reviewers, then takes the majority; a tie needs a fix", () => {
    expect(treeReviewState([review(1, "approve", 1)], 2, 5).reviewStatus).toBe("in_review");
    expect(treeReviewState([review(1, "approve", 1), review(2, "reject", 2)], 2, 5).reviewStatus).toBe("needs_fix");
    expect(treeReviewState([review(1, "approve", 1), review(2, "reject", 2), review(3, "approve", 3)], 3, 5).reviewStatus).toBe("approved");
  });
  it("uses the latest approving reviewer's path", () => {
    const s = treeReviewState([review(1, "approve", 1, 10), review(2, "approve", 5, 20), review(3, "reject", 9, 30)], 3, 5);
    expect(s).toMatchObject({ reviewStatus: "approved", chosenNodeIdx: 20, chosenBy: "reviewer" });
  });
});

describe("agreement", () => {
  // Cohen (1960)-style worked example: 50 items, two raters, yes/no
  const ratings: Rating[] = [];
  const add = (n: number, a: string, b: string) => {
    for (let i = 0; i < n; i++) {
      const id = ratings.length;
      ratings.push({ itemId: id, raterId: 1, category: a }, { itemId: id, raterId: 2, category: b });
    }
  };
  add(20, "yes", "yes");
  add(5, "yes", "no");
  add(10, "no", "yes");
  add(15, "no", "no");

  it("Cohen's kappa matches the textbook value", () => {
    // po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5 → κ = 0.4
    const { kappa, items } = cohensKappa(ratings, 1, 2);
    expect(items).toBe(50);
    expect(kappa).toBeCloseTo(0.4, 10);
  });

  it("Fleiss' kappa with two raters is close to Cohen's and is 1 for perfect agreement", () => {
    const f = fleissKappa(ratings);
    expect(f.raters).toBe(2);
    expect(f.items).toBe(50);
    expect(f.kappa!).toBeGreaterThan(0.35);
    expect(f.kappa!).toBeLessThan(0.41);
    const perfect: Rating[] = [1, 2, 3, 4].flatMap((item) => [1, 2, 3].map((rater) => ({ itemId: item, raterId: rater, category: item % 2 ? "a" : "b" })));
    expect(fleissKappa(perfect)).toEqual({ kappa: 1, items: 4, raters: 3 });
  });

  it("Fleiss' kappa on the classic Wikipedia example", () => {
    // 10 subjects, 14 raters, 5 categories; κ ≈ 0.210
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const rs: Rating[] = [];
    table.forEach((row, item) => {
      let rater = 0;
      row.forEach((count, cat) => {
        for (let k = 0; k < count; k++) rs.push({ itemId: item, raterId: rater++, category: String(cat) });
      });
    });
    const f = fleissKappa(rs);
    expect(f.raters).toBe(14);
    expect(f.kappa!).toBeCloseTo(0.21, 2);
  });

  it("is undefined without shared items", () => {
    expect(cohensKappa([{ itemId: 1, raterId: 1, category: "x" }], 1, 2)).toEqual({ kappa: null, items: 0 });
    expect(fleissKappa([{ itemId: 1, raterId: 1, category: "x" }])).toEqual({ kappa: null, items: 0, raters: 0 });
  });
});
