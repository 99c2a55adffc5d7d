import { createInterface } from "node:readline/promises";

/** Where prompts read and write: stdin and stderr, so stdout stays clean for scripts. */
export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

export class PromptCancelledError extends Error {
  constructor() {
    super("Cancelled.");
  }
}

export async function askLine(terminal: Terminal, question: string): Promise<string> {
  const lines = createInterface({ input: terminal.input, output: terminal.output });
  const cancel = new AbortController();
  lines.on("SIGINT", () => cancel.abort());
  lines.on("close", () => cancel.abort());
  try {
    return await lines.question(question, { signal: cancel.signal });
  } catch {
    throw new PromptCancelledError();
  } finally {
    lines.close();
  }
}

// CSI sequences (arrows, Delete), SS3 sequences (F1–F4) and Alt+key.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC is the point
const escapeSequence = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g;

/**
 * Reads a line without echoing it. Raw mode hands over every key press, so Enter, Ctrl-C,
 * Ctrl-D and Backspace are handled here; escape sequences (arrow keys) are ignored.
 */
export function askHidden(terminal: Terminal, question: string): Promise<string> {
  const { input, output } = terminal;
  output.write(question);
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (cancelled: boolean) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      if (cancelled) reject(new PromptCancelledError());
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk.replace(escapeSequence, "")) {
        if (char === "\r" || char === "\n") return finish(false);
        if (char === "\u0003" || (char === "\u0004" && value === "")) return finish(true);
        if (char === "\u007f" || char === "\b") value = [...value].slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    input.on("data", onData);
  });
}

/** All of stdin, minus the one line break that `echo` and here-documents add. */
export async function readPasswordFromStdin(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
