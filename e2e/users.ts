// The accounts the browser tests sign in as (created by global-setup.ts on the fresh test database).
import path from "node:path";

export interface TestUser {
  name: string;
  email: string;
  password: string;
  role: "admin" | "reviewer" | "viewer";
  storageState: string;
}

const state = (name: string) => path.join(import.meta.dirname, ".auth", `${name}.json`);

export const USERS = {
  admin: { name: "Ada Admin", email: "admin@arbor.test", password: "admin-password-1", role: "admin", storageState: state("admin") },
  reviewer: { name: "Rita Reviewer", email: "reviewer@arbor.test", password: "reviewer-password-1", role: "reviewer", storageState: state("reviewer") },
  reviewer2: { name: "Remy Reviewer", email: "reviewer2@arbor.test", password: "reviewer-password-2", role: "reviewer", storageState: state("reviewer2") },
  viewer: { name: "Vic Viewer", email: "viewer@arbor.test", password: "viewer-password-1", role: "viewer", storageState: state("viewer") },
} satisfies Record<string, TestUser>;
