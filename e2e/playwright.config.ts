import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { USERS } from "./users";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.ARBOR_E2E_PORT ?? 3100);
// `npm test` points this at a fresh folder for every run, so the browser suite starts from an empty database.
const dataDir = process.env.ARBOR_E2E_DATA_DIR ?? path.join(root, ".arbor", "e2e");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: path.join(root, "test-results", "e2e"),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: path.join(root, ".test-results", "playwright.json") }]],
  // creates the admin (first-run setup), a reviewer, a second reviewer and a viewer
  globalSetup: "./global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // tests run as the admin unless they say otherwise (test.use({ storageState: USERS.viewer.storageState }))
    storageState: USERS.admin.storageState,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node lib/cli/bin.mjs start",
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { PORT: String(port), HOSTNAME: "127.0.0.1", ARBOR_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
