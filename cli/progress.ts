/**
 * Progress for long commands: a rewritten line on a terminal; otherwise (piped, CI, a scheduler)
 * a plain line per update, ids and counts only.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): {
  update(text: string): void;
  done(): void;
} {
  if (!stream.isTTY) return { update: (text) => void stream.write(`${text}\n`), done: () => undefined };
  let shown = false;
  return {
    update(text) {
      stream.write(`\r\x1b[K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
