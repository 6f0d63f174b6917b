import { expect, test } from "@playwright/test";
import { ensureDatasetsImported } from "./fixtures";

test.beforeEach(async ({ request }) => {
  await ensureDatasetsImported(request);
});

test("browse from a category to a tool's APIs and an API's details", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByRole("link", { name: "Logistics", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Logistics", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/catalog\/Logistics$/);

  await page.getByRole("link", { name: "SQUAKE", exact: true }).click();
  await expect(page.getByRole("heading", { name: "SQUAKE", level: 1 })).toBeVisible();
  const apis = page.getByRole("table");
  await expect(apis.getByRole("link", { name: "Checkhealth" })).toBeVisible();
  await expect(apis.getByRole("link", { name: "Projects" })).toBeVisible();
  await expect(apis.getByRole("cell", { name: "checkhealth_for_squake" })).toBeVisible();

  await apis.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Projects");
  await expect(page.getByText("projects_for_squake")).toBeVisible();
  await expect(page.getByRole("region", { name: "Parameters" })).toContainText("This API takes no parameters.");
  // the breadcrumb leads back
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "SQUAKE" }).click();
  await expect(page.getByRole("heading", { name: "SQUAKE", level: 1 })).toBeVisible();
});

test("an API page shows required and optional parameters and the response schema as JSON text", async ({ page }) => {
  // Sports › Live Sports Odds › /v4/sports/{sport}/scores, from toolbench/instruction/G3_query.json
  await page.goto("/catalog/Sports");
  await page.getByRole("link", { name: "Live Sports Odds", exact: true }).click();
  await page.getByRole("link", { name: "/v4/sports/{sport}/scores" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("/v4/sports/{sport}/scores");
  await expect(page.getByText("v4_sports_sport_scores_for_live_sports_odds")).toBeVisible();

  const params = page.getByRole("region", { name: "Parameters" });
  await expect(params.getByRole("row", { name: /^sport / }).getByRole("cell")).toHaveText([
    "sport",
    "required",
    "STRING",
    "sport key for which to return games and odds",
    "americanfootball_nfl",
  ]);
  await expect(params.getByRole("row", { name: /^daysFrom / }).getByRole("cell")).toHaveText(["daysFrom", "optional", "NUMBER", /^The number of days in the past/, "3"]);

  const schema = page.getByRole("region", { name: "Response schema" }).locator("pre");
  await expect(schema).toContainText('"sport_key": "str"');
  await expect(schema).toContainText('"completed": "bool"');
  await expect(page.getByRole("region", { name: "Example response" })).toContainText("No example response recorded.");
});

test("search finds tools and APIs by name and links to them, with the text in the URL", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByLabel("Search tools and APIs").fill("squake");
  await expect(page).toHaveURL(/\/catalog\?q=squake$/);
  const tools = page.getByRole("region", { name: /^Tools/ });
  await expect(tools.getByRole("link", { name: "SQUAKE", exact: true })).toBeVisible();
  const apis = page.getByRole("region", { name: /^APIs/ });
  await expect(apis.getByRole("row").nth(1)).toContainText("checkhealth_for_squake");
  await apis.getByRole("link", { name: "Checkhealth" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Checkhealth");

  // the search is shareable: opening the URL shows the same results
  await page.goto("/catalog?q=squake");
  await expect(page.getByLabel("Search tools and APIs")).toHaveValue("squake");
  await expect(page.getByRole("region", { name: /^Tools/ }).getByRole("link", { name: "SQUAKE", exact: true })).toBeVisible();
});

test("search matches descriptions, and a search without matches says so", async ({ page }) => {
  await page.goto("/catalog?q=" + encodeURIComponent("List of city for iso state"));
  await expect(page.getByRole("region", { name: /^APIs/ }).getByRole("link", { name: "/cities/states/:stateIsoCode" })).toBeVisible();

  await page.getByLabel("Search tools and APIs").fill("qqxqqzz");
  await expect(page.getByRole("heading", { name: "Nothing in the catalog matches “qqxqqzz”" })).toBeVisible();
  await page.getByLabel("Search tools and APIs").fill("");
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("link", { name: "Logistics", exact: true })).toBeVisible();
});

test("an unknown category, tool or API is a not-found page (HTTP 404)", async ({ page }) => {
  for (const url of ["/catalog/No_Such_Category", "/catalog/Logistics/no_such_tool", "/catalog/apis/999999999"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
