// Turns a file's bytes into text, refusing binary, non-UTF-8 and empty files with the reason why.

/** The text of a file, or why it has none. */
export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; code: 'empty-file' | 'binary-file' | 'undecodable-text'; message: string };

/** Decodes UTF-8 strictly and strips a BOM; line endings are kept as they are so offsets stay true to the file. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty-file', message: 'file is empty; remove it or add the article text; skipped' };
  if (bytes.includes(0)) {
    return { ok: false, code: 'binary-file', message: 'holds NUL bytes (a binary file, or UTF-16 text); convert it to UTF-8 text or remove it; skipped' };
  }
  let text: string;
  try {
    // The default ignoreBOM: false makes the decoder drop a leading BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'undecodable-text', message: `is not valid UTF-8 (first bad byte near offset ${findInvalidUtf8(bytes)}); re-save it as UTF-8; skipped` };
  }
  if (text.trim() === '') return { ok: false, code: 'empty-file', message: 'holds only white space; remove it or add the article text; skipped' };
  return { ok: true, text };
}

// Byte offset of the first invalid UTF-8 sequence, to point the user at it.
function findInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search for the longest prefix that decodes; stream mode tolerates a character cut off at the end.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
