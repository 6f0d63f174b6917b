"use client";

// The tree list's filter inputs. Typed values (search text, ranges) reach the URL once they settle,
// replacing the history entry rather than stacking one per keystroke.
import { useState, type ReactNode } from "react";
import { useDebouncedCallback } from "../../_lib/use-debounced-callback";

export const selectClass =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600 disabled:bg-zinc-50 disabled:text-zinc-400";
const inputClass =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600";

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * Text that mirrors a URL value: typing is local and written after a pause; a change from outside
 * (back button, "Clear all filters", a saved view) replaces what is shown.
 */
function useUrlText(value: string, write: (text: string) => void, delayMs: number) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [written, setWritten] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== written) setText(value);
  }
  const writeLater = useDebouncedCallback((next: string) => {
    setWritten(next);
    if (next !== value) write(next);
  }, delayMs);
  return {
    text,
    change: (next: string) => {
      setText(next);
      writeLater(next.trim());
    },
  };
}

export function SearchBox({ q, onChange }: { q: string; onChange: (q: string | undefined) => void }) {
  const { text, change } = useUrlText(q, (t) => onChange(t || undefined), 350);
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()}>
      <Field id="tree-search" label="Search queries and final answers">
        <input
          id="tree-search"
          type="search"
          value={text}
          onChange={(e) => change(e.target.value)}
          placeholder='Words — "exact phrase", -exclude, or'
          className={inputClass}
        />
      </Field>
    </form>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({ id, label, value, options, anyLabel, onChange, disabled }: {
  id: string;
  label: string;
  value: string | undefined;
  options: SelectOption[];
  anyLabel: string;
  onChange: (value: string | undefined) => void;
  disabled?: boolean;
}) {
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <Field id={id} label={label}>
      <select id={id} className={selectClass} disabled={disabled} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {!known && <option value={value}>{value} (none)</option>}
      </select>
    </Field>
  );
}

/** With / without / either, for the error-code filters. */
export function YesNoField({ id, label, value, onChange }: { id: string; label: string; value: "yes" | "no" | undefined; onChange: (v: "yes" | "no" | undefined) => void }) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      anyLabel="Any"
      options={[
        { value: "yes", label: "At least one" },
        { value: "no", label: "None" },
      ]}
      onChange={(v) => onChange(v as "yes" | "no" | undefined)}
    />
  );
}

function BoundInput({ id, label, value, onChange }: { id: string; label: string; value: number | undefined; onChange: (v: number | undefined) => void }) {
  const { text, change } = useUrlText(value === undefined ? "" : String(value), (t) => onChange(t === "" ? undefined : Number(t)), 500);
  return (
    <input
      id={id}
      aria-label={label}
      type="number"
      inputMode="numeric"
      min={0}
      step={1}
      value={text}
      onChange={(e) => change(e.target.value)}
      className={`${inputClass} tabular-nums`}
    />
  );
}

/** A min–max pair; a pair whose minimum is above its maximum is not written (the URL would be refused). */
export function RangeField({ id, label, noun, min, max, onChange }: {
  id: string;
  label: string;
  noun: string;
  min: number | undefined;
  max: number | undefined;
  onChange: (range: { min: number | undefined; max: number | undefined }) => void;
}) {
  const valid = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 1_000_000);
  const write = (next: { min: number | undefined; max: number | undefined }) => {
    if (valid(next.min) && valid(next.max) && (next.min === undefined || next.max === undefined || next.min <= next.max)) onChange(next);
  };
  return (
    <fieldset>
      <legend className="mb-1 block text-xs font-medium text-zinc-600">{label}</legend>
      <div className="flex items-center gap-1">
        <BoundInput id={`${id}-min`} label={`Minimum ${noun}`} value={min} onChange={(v) => write({ min: v, max })} />
        <span aria-hidden className="text-zinc-400">
          –
        </span>
        <BoundInput id={`${id}-max`} label={`Maximum ${noun}`} value={max} onChange={(v) => write({ min, max: v })} />
      </div>
    </fieldset>
  );
}
