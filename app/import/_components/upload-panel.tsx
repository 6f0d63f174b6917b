"use client";

import { useRef, useState, type DragEvent } from "react";
import { formatBytes } from "@/app/_lib/format";
import { pickedFromDrop, pickedFromInput, uploadFiles, type PickedFile } from "./start-import";

export function UploadPanel({ onStarted }: { onStarted: (runId: number) => void }) {
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const choose = (files: PickedFile[]) => {
    const json = files.filter((f) => f.path.toLowerCase().endsWith(".json"));
    setPicked(json);
    setError(json.length === 0 && files.length > 0 ? "None of those are .json files" : undefined);
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(await pickedFromDrop(e.dataTransfer.items));
  };
  const start = async () => {
    setError(undefined);
    setProgress(0);
    try {
      const { runId } = await uploadFiles(picked, setProgress);
      setPicked([]);
      onStarted(runId);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(undefined);
      if (filesInput.current) filesInput.current.value = "";
      if (folderInput.current) folderInput.current.value = "";
    }
  };
  const total = picked.reduce((n, f) => n + f.file.size, 0);
  const uploading = progress !== undefined;

  return (
    <section aria-labelledby="upload-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="upload-heading" className="text-sm font-semibold">Upload files</h2>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-3 rounded-md border-2 border-dashed px-4 py-6 text-center text-sm ${dragging ? "border-emerald-500 bg-emerald-50" : "border-zinc-300 text-zinc-600"}`}
      >
        <p>Drop files or folders here, or</p>
        <div className="mt-2 flex justify-center gap-2">
          <button type="button" onClick={() => filesInput.current?.click()} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
            Choose files
          </button>
          <button type="button" onClick={() => folderInput.current?.click()} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
            Choose a folder
          </button>
        </div>
        <input ref={filesInput} type="file" multiple accept=".json,application/json" aria-label="Files to import" className="sr-only" onChange={(e) => choose(pickedFromInput(e.target.files))} />
        <input
          ref={folderInput}
          type="file"
          aria-label="Folder to import"
          className="sr-only"
          {...({ webkitdirectory: "", directory: "" } as Record<string, string>)}
          onChange={(e) => choose(pickedFromInput(e.target.files))}
        />
      </div>
      {picked.length > 0 && (
        <div className="mt-3 text-sm">
          <p>
            <span className="font-medium">{picked.length}</span> JSON file{picked.length === 1 ? "" : "s"} selected ({formatBytes(total)})
          </p>
          <ul className="mt-1 max-h-24 overflow-auto font-mono text-xs text-zinc-600">
            {picked.slice(0, 8).map((f) => (
              <li key={f.path} className="truncate">{f.path}</li>
            ))}
            {picked.length > 8 && <li>… and {picked.length - 8} more</li>}
          </ul>
        </div>
      )}
      {uploading && (
        <div className="mt-3">
          <progress aria-label="Upload progress" max={1} value={progress} className="h-2 w-full accent-emerald-600" />
          <p className="text-xs text-zinc-500">Uploading… {Math.round((progress ?? 0) * 100)}%</p>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-rose-700">{error}</p>
      )}
      <button
        type="button"
        disabled={picked.length === 0 || uploading}
        onClick={start}
        className="mt-3 rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {picked.length > 0 ? `Import ${picked.length} file${picked.length === 1 ? "" : "s"}` : "Import"}
      </button>
    </section>
  );
}
