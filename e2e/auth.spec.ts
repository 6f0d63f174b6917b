import { expect, test } from "@playwright/test";
import { USERS } from "./users";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("pages send you to sign in and back; the API answers 401", async ({ page, request }) => {
    await page.goto("/instructions?group=G1");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Finstructions%3Fgroup%3DG1$/);
    await page.getByLabel("Email").fill(USERS.reviewer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await page.getByLabel("Password").fill(USERS.reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/instructions\?group=G1$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(USERS.reviewer.name);

    const api = await request.get("/api/overview");
    expect(api.status()).toBe(401);
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
  });

  test("the first-run setup is closed once an admin exists", async ({ page }) => {
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("can read but not import or manage users", async ({ page, request }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Catalog" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Import" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/import");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Your role (viewer) does not allow you to import data.")).toBeVisible();
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

    expect((await request.get("/api/overview")).status()).toBe(200);
    const imp = await request.post("/api/imports", { data: { paths: ["/tmp"] } });
    expect(imp.status()).toBe(403);
    expect((await imp.json()).error.code).toBe("FORBIDDEN");
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: USERS.reviewer.storageState });

  test("cannot import or manage users", async ({ page, request }) => {
    await page.goto("/admin/users");
    await expect(page.getByText("Your role (reviewer) does not allow you to manage users.")).toBeVisible();
    expect((await request.get("/api/imports")).status()).toBe(403);
  });
});

test("an admin creates a user, changes the role, disables and re-enables the account", async ({ page, browser }) => {
  const email = `temp-${Date.now()}@arbor.test`;
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill("Temp User");
  await form.getByLabel("Email").fill(USERS.viewer.email); // taken
  await form.getByLabel("Initial password").fill("temp-password-1");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toContainText(/already exists/i);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  await page.getByLabel(`Role of ${email}`).selectOption("reviewer");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("reviewer");
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("reviewer");

  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p2 = await other.newPage();
  await p2.goto("/sign-in");
  await p2.getByLabel("Email").fill(email);
  await p2.getByLabel("Password").fill("temp-password-1");
  await p2.getByRole("button", { name: "Sign in" }).click();
  await expect(p2.getByRole("alert").filter({ hasText: "disabled" })).toBeVisible();

  await page.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(page.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
  await p2.getByRole("button", { name: "Sign in" }).click();
  await expect(p2.getByRole("navigation", { name: "Main" })).toContainText("Temp User");
  await other.close();
});

test("an admin cannot remove the last admin role or disable themself", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByLabel(`Role of ${USERS.admin.email}`).selectOption("viewer");
  await expect(page.getByRole("alert").filter({ hasText: "only admin" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${USERS.admin.email}`)).toHaveValue("admin");
});
