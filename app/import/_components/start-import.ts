// Starting imports from the browser: uploads go through XMLHttpRequest for its upload progress.

export interface StartedImport {
  runId: number;
}

function errorMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON
  }
  return `The server answered ${status}`;
}

/** A file to upload with its path inside what the user picked (folders name groups, query ids…). */
export interface PickedFile {
  file: File;
  path: string;
}

export function pickedFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name }));
}

/** Files and whole folders dropped on the page, with their paths. */
export async function pickedFromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const entries = Array.from(items)
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const out: PickedFile[] = [];
  const readAll = (dir: FileSystemDirectoryEntry) =>
    new Promise<FileSystemEntry[]>((resolve, reject) => {
      const reader = dir.createReader();
      const all: FileSystemEntry[] = [];
      const next = () => reader.readEntries((batch) => (batch.length ? (all.push(...batch), next()) : resolve(all)), reject);
      next();
    });
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path });
    } else if (entry.isDirectory) {
      for (const child of await readAll(entry as FileSystemDirectoryEntry)) await visit(child, path);
    }
  };
  for (const e of entries) await visit(e, "");
  return out;
}

export function uploadFiles(files: PickedFile[], onProgress: (fraction: number) => void): Promise<StartedImport> {
  const form = new FormData();
  for (const f of files) {
    form.append("files", f.file, f.file.name);
    form.append("paths", f.path);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status === 202 ? resolve(JSON.parse(xhr.responseText) as StartedImport) : reject(new Error(errorMessage(xhr.status, xhr.responseText))));
    xhr.onerror = () => reject(new Error("The upload failed: the server could not be reached"));
    xhr.send(form);
  });
}

export async function importServerPaths(paths: string[]): Promise<StartedImport> {
  const res = await fetch("/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ paths }) });
  const body = await res.text();
  if (res.status !== 202) throw new Error(errorMessage(res.status, body));
  return JSON.parse(body) as StartedImport;
}
