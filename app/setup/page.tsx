import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/server/services/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/sign-in");
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-zinc-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Welcome to Arbor</h1>
      <p className="mt-1 text-sm text-zinc-600">
        Create the first account. It becomes the <strong>admin</strong>: it can import data, start runs and create accounts for reviewers and viewers.
      </p>
      <SetupForm />
    </div>
  );
}
