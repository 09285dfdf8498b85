/**
 * Files in: the "Open file…" chooser and a file dropped anywhere on the page. The file's text goes
 * to `onOpen` (which puts it in the editor as one undoable edit); a file that cannot be a spec
 * (binary, not UTF-8, over the size limit, a folder, several at once) gets a message and leaves the
 * editor's text alone. The drop is caught on the window before anything under it, so neither the
 * editor nor a text field inserts the file's path or text itself.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { chooseFile, shownFileName, textOfFile, unreadableProblem, type OfferedFile } from './specFile.ts';

export interface SpecFiles {
  /** The name of the file the spec came from, until an example, Reset or another file replaces it. */
  fileName: string | undefined;
  forgetFileName(): void;
  /** Why the last file was not opened; cleared by the next file that opens, or by `dismissProblem`. */
  problem: string | undefined;
  dismissProblem(): void;
  /** A file is being dragged over the page. */
  dragging: boolean;
  /** Opens the browser's file chooser (the button and Ctrl/⌘+O). */
  chooseFile(): void;
  /** For the hidden `<input type="file">` the chooser belongs to. */
  inputRef: React.RefObject<HTMLInputElement | null>;
  onInputChange(event: ChangeEvent<HTMLInputElement>): void;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** What a drop holds, read in the drop event itself (its DataTransfer is emptied after it). */
function droppedFiles(transfer: DataTransfer): { offered: OfferedFile[]; files: (File | null)[] } {
  const offered: OfferedFile[] = [];
  const files: (File | null)[] = [];
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (items.length > 0) {
    for (const item of items) {
      const file = item.getAsFile();
      const entry = item.webkitGetAsEntry?.();
      offered.push({ name: file?.name ?? entry?.name ?? '', size: file?.size ?? 0, folder: entry?.isDirectory ?? false });
      files.push(file);
    }
  } else {
    for (const file of transfer.files) {
      offered.push({ name: file.name, size: file.size, folder: false });
      files.push(file);
    }
  }
  return { offered, files };
}

export function useSpecFiles(onOpen: (text: string, fileName: string) => void): SpecFiles {
  const [fileName, setFileName] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  }, [onOpen]);
  // Reads that finish after a newer file was offered are dropped: the newest choice wins.
  const offers = useRef(0);

  const take = useCallback((offered: readonly OfferedFile[], files: readonly (File | null)[]) => {
    const offer = ++offers.current;
    const choice = chooseFile(offered);
    if ('problem' in choice) {
      setProblem(choice.problem);
      return;
    }
    const name = offered[choice.take]?.name ?? '';
    const file = files[choice.take];
    if (!file) {
      setProblem(unreadableProblem(name, 'the browser gave no file for it'));
      return;
    }
    file.arrayBuffer().then(
      (buffer) => {
        if (offer !== offers.current) return;
        const read = textOfFile(name, new Uint8Array(buffer));
        if ('problem' in read) {
          setProblem(read.problem);
          return;
        }
        setProblem(undefined);
        const shown = shownFileName(name);
        setFileName(shown);
        latestOnOpen.current(read.text, shown);
      },
      (error: unknown) => {
        if (offer !== offers.current) return;
        setProblem(unreadableProblem(name, error instanceof Error && error.message ? error.message : 'the browser refused to read it'));
      },
    );
  }, []);

  const onInputChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      const files = [...(input.files ?? [])];
      // Choosing the same file again must fire `change` again.
      input.value = '';
      if (files.length === 0) return;
      take(
        files.map((file) => ({ name: file.name, size: file.size, folder: false })),
        files,
      );
    },
    [take],
  );

  const choose = useCallback(() => inputRef.current?.click(), []);

  useEffect(() => {
    // dragenter and dragleave come for every element crossed; the count says when the drag has
    // left the page.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the page.
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const { offered, files } = droppedFiles(event.dataTransfer);
      take(offered, files);
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [take]);

  return {
    fileName,
    forgetFileName: useCallback(() => setFileName(undefined), []),
    problem,
    dismissProblem: useCallback(() => setProblem(undefined), []),
    dragging,
    chooseFile: choose,
    inputRef,
    onInputChange,
  };
}
