import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import type { Action } from "../../src/core/action.ts";
import { plainText } from "../../src/core/render/plainText.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/turn.ts";
import { repoRoot } from "../../src/paths.ts";
import { buttons } from "../helpers/bot.ts";

const dir = mkdtempSync(join(tmpdir(), "vmvc-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real bot process on a SQLite file; `send` writes a turn and resolves with its replies. */
function startProcess() {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", "tsx", resolve(repoRoot, "test/helpers/turnProcess.ts")],
    {
      cwd: repoRoot,
      env: { ...process.env, STATE_URL: `sqlite:${join(dir, "state.db")}` },
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () =>
    JSON.parse(String((await lines.next()).value)) as { ready?: boolean; replies?: Reply[] };
  return {
    child,
    ready: next(),
    async send(turn: Turn): Promise<Reply[]> {
      child.stdin.write(`${JSON.stringify(turn)}\n`);
      return (await next()).replies ?? [];
    },
  };
}

const base = {
  platform: "slack" as const,
  user: { id: "U1", name: "ada" },
  conversation: "C1",
  thread: "1700000000.000100",
};
const press = (action: Action): Turn => ({ ...base, via: "action", action });

describe("walkthroughs survive a process restart (SQLite)", () => {
  it("goes on where it was after the process is killed mid-walkthrough", async () => {
    let bot = startProcess();
    await bot.ready;
    let replies = await bot.send(press({ type: "checklist.begin" }));
    for (let i = 0; i < 5; i++) replies = await bot.send(press(buttons(replies, "choices")[0]!.action));
    expect(plainText(replies)).toMatch(/Question 6 of 11/);
    const pending = buttons(replies, "choices")[1]!.action;

    bot.child.kill("SIGKILL");
    await new Promise((r) => bot.child.once("exit", r));

    bot = startProcess();
    await bot.ready;
    replies = await bot.send(press(pending));
    expect(plainText(replies)).toMatch(/Question 7 of 11/);
    for (let i = 6; i < 11; i++) replies = await bot.send(press(buttons(replies, "choices")[0]!.action));
    const final = replies.at(-1)!;
    expect(final.kind).toBe("recommendation");
    // The answers from before the restart are in the summary.
    const summary = final.parts.find((p) => p.type === "fields");
    expect(
      summary &&
        summary.type === "fields" &&
        summary.fields.filter((f) => !f.value.startsWith("not sure")).length,
    ).toBe(11);
    bot.child.kill();
  });
});
