import { PassThrough, Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { askHidden, PromptCancelledError, readPasswordFromStdin, type Terminal } from "./prompt.ts";

function fakeTerminal() {
  const input = new PassThrough() as PassThrough & { rawModes: boolean[] };
  input.rawModes = [];
  Object.assign(input, {
    isTTY: true,
    setRawMode: (mode: boolean) => input.rawModes.push(mode),
  });
  let written = "";
  const output = new PassThrough();
  output.on("data", (chunk: Buffer) => {
    written += chunk.toString();
  });
  const terminal = { input, output } as unknown as Terminal;
  return { terminal, input, written: () => written };
}

describe("askHidden", () => {
  test("reads up to Enter, handles Backspace, echoes nothing, restores the terminal", async () => {
    const { terminal, input, written } = fakeTerminal();
    const answer = askHidden(terminal, "Password: ");
    input.write("secrex");
    input.write("\u007ft\u001b[A");
    input.write("\r");
    expect(await answer).toBe("secret");
    expect(written()).toBe("Password: \n");
    expect(input.rawModes).toEqual([true, false]);
  });

  test("Ctrl-C cancels", async () => {
    const { terminal, input } = fakeTerminal();
    const answer = askHidden(terminal, "Password: ");
    input.write("abc\u0003");
    await expect(answer).rejects.toThrow(PromptCancelledError);
    expect(input.rawModes).toEqual([true, false]);
  });
});

test("readPasswordFromStdin keeps everything but one trailing line break", async () => {
  expect(await readPasswordFromStdin(Readable.from(["  pass word \n"]))).toBe("  pass word ");
  expect(await readPasswordFromStdin(Readable.from(["pw\r\n"]))).toBe("pw");
  expect(await readPasswordFromStdin(Readable.from([Buffer.from("p"), Buffer.from("w")]))).toBe(
    "pw",
  );
});
