// Before the browser tests: the first-run setup makes the admin (through the real page), the admin
// creates the other accounts on the Users page, and each account's signed-in state is saved.
import fs from "node:fs";
import path from "node:path";
import { chromium, expect, type FullConfig, type Page } from "@playwright/test";
import { USERS, type TestUser } from "./users";

async function signIn(page: Page, baseURL: string, user: TestUser) {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().storageState({ path: user.storageState });
}

export default async function globalSetup(config: FullConfig) {
  const project = config.projects[0]!;
  const baseURL = project.use.baseURL!;
  fs.mkdirSync(path.dirname(USERS.admin.storageState), { recursive: true });
  const browser = await chromium.launch(project.use.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/setup`);
    if (page.url().endsWith("/setup")) {
      await page.getByLabel("Name").fill(USERS.admin.name);
      await page.getByLabel("Email").fill(USERS.admin.email);
      await page.getByLabel(/Password/).fill(USERS.admin.password);
      await page.getByRole("button", { name: "Create the admin account" }).click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await page.context().storageState({ path: USERS.admin.storageState });
    } else {
      await signIn(page, baseURL, USERS.admin);
    }
    await page.goto(`${baseURL}/admin/users`);
    for (const user of [USERS.reviewer, USERS.reviewer2, USERS.viewer]) {
      if (await page.getByRole("cell", { name: user.email, exact: true }).count()) continue;
      const form = page.getByRole("region", { name: "New user" });
      await form.getByLabel("Name").fill(user.name);
      await form.getByLabel("Email").fill(user.email);
      await form.getByLabel("Initial password").fill(user.password);
      await form.getByLabel("Role").selectOption(user.role);
      await form.getByRole("button", { name: "Create user" }).click();
      await expect(page.getByRole("cell", { name: user.email, exact: true })).toBeVisible();
    }
    for (const user of [USERS.reviewer, USERS.reviewer2, USERS.viewer]) {
      const context = await browser.newContext();
      await signIn(await context.newPage(), baseURL, user);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
