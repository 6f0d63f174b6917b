"use client";

import { useState, useTransition, type FormEvent } from "react";
import { ROLES, ROLE_LABELS } from "@/lib/core/auth/permissions";
import { createUserAction } from "./actions";

export function CreateUserForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    startTransition(async () => {
      const r = await createUserAction({ name: form.get("name"), email: form.get("email"), password: form.get("password"), role: form.get("role") });
      if (r.ok) {
        formEl.reset();
        setMessage({ ok: true, text: `Created ${String(form.get("email"))}.` });
      } else setMessage({ ok: false, text: r.error.message });
    });
  };

  return (
    <section aria-labelledby="new-user" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="new-user" className="text-sm font-semibold">New user</h2>
      <form onSubmit={submit} className="mt-3 space-y-3 text-sm">
        <label className="block">
          <span className="text-zinc-700">Name</span>
          <input name="name" required className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
        </label>
        <label className="block">
          <span className="text-zinc-700">Email</span>
          <input name="email" type="email" required className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
        </label>
        <label className="block">
          <span className="text-zinc-700">Initial password</span>
          <input name="password" type="password" required minLength={8} autoComplete="new-password" className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5" />
        </label>
        <label className="block">
          <span className="text-zinc-700">Role</span>
          <select name="role" defaultValue="reviewer" className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-rose-700"}>
            {message.text}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
          {pending ? "Creating…" : "Create user"}
        </button>
      </form>
    </section>
  );
}
