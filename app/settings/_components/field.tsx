// Labelled form fields in the Settings and Runs forms' style.
import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass = "mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm";

export function Field({ label, hint, ...input }: { label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="text-zinc-700">{label}</span>
      <input {...input} className={inputClass} />
      {hint && <span className="mt-0.5 block text-xs text-zinc-500">{hint}</span>}
    </label>
  );
}

export function FormMessage({ message }: { message: { ok: boolean; text: string } | undefined }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-800" : "text-rose-700"}`}>
      {message.text}
    </p>
  );
}

export const primaryButton = "rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50";
export const secondaryButton = "rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-50 disabled:opacity-50";
