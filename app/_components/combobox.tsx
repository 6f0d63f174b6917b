"use client";

// A text input with a suggestion list (the WAI-ARIA combobox pattern), for choosing one of
// thousands of items — tools, source files — where a <select> would be unusable.
import { useId, useState, type KeyboardEvent } from "react";

export interface ComboboxOption {
  value: string;
  label: string;
  detail?: string;
}

interface ComboboxProps {
  label: string;
  placeholder?: string;
  inputValue: string;
  onInputChange: (text: string) => void;
  options: ComboboxOption[];
  onSelect: (option: ComboboxOption) => void;
  loading?: boolean;
  emptyText?: string;
}

export function Combobox({ label, placeholder, inputValue, onInputChange, options, onSelect, loading, emptyText = "No matches" }: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const choose = (option: ComboboxOption | undefined) => {
    if (!option) return;
    onSelect(option);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive(open ? Math.min(activeIndex + 1, options.length - 1) : 0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(options[activeIndex]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options.length > 0 ? `${id}-opt-${activeIndex}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={inputValue}
        onChange={(e) => {
          onInputChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600"
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((o, i) => (
            <li
              key={o.value}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === activeIndex ? "bg-emerald-50 text-emerald-950" : "text-zinc-800"}`}
            >
              <span className="block truncate">{o.label}</span>
              {o.detail && <span className="block truncate text-xs text-zinc-500">{o.detail}</span>}
            </li>
          ))}
          {options.length === 0 && (
            <li role="presentation" className="px-3 py-1.5 text-zinc-500">
              {loading ? "Searching…" : emptyText}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** A chosen value shown in place of the input, with a button to clear it. */
export function SelectedValue({ label, value, detail, title, onClear }: { label: string; value: string; detail?: string; title?: string; onClear: () => void }) {
  return (
    <div>
      <span className="mb-1 block text-xs font-medium text-zinc-600">{label}</span>
      <div className="flex items-center justify-between gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-2.5 py-1.5 text-sm">
        <span className="min-w-0 truncate" title={title ?? (detail ? `${value} — ${detail}` : value)}>
          <span className="font-medium text-emerald-950">{value}</span>
          {detail && <span className="ml-1 text-xs text-emerald-800">{detail}</span>}
        </span>
        <button type="button" onClick={onClear} aria-label={`Clear ${label.toLowerCase()} filter`} className="rounded px-1 text-emerald-800 hover:bg-emerald-100">
          ×
        </button>
      </div>
    </div>
  );
}
