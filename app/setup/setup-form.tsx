"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { setupAction } from "./actions";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await setupAction({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      router.replace("/");
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="mt-4 space-y-3">
      <label className="block text-sm">
        <span className="text-zinc-700">Name</span>
        <input name="name" required autoComplete="name" className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="text-zinc-700">Email</span>
        <input name="email" type="email" required autoComplete="username" className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="text-zinc-700">Password (8 characters or more)</span>
        <input name="password" type="password" required minLength={8} autoComplete="new-password" className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
      </label>
      {error && <p role="alert" className="text-sm text-rose-700">{error}</p>}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-emerald-700 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
        {pending ? "Creating…" : "Create the admin account"}
      </button>
    </form>
  );
}
