import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSurface } from "../../../src/adapters/playground/surface.ts";
import type { PgMessage } from "../../../src/adapters/playground/transcript.ts";
import { loadConfig } from "../../../src/config.ts";
import { Bot } from "../../../src/core/bot.ts";
import { createLogger } from "../../../src/logger.ts";
import { HttpApp } from "../../../src/server/http.ts";
import { createStore } from "../../../src/store/index.ts";
import { knowledge } from "../../helpers/bot.ts";

const silent = createLogger("silent");
let http: HttpApp;
let base: string;

beforeAll(async () => {
  const store = await createStore("memory:");
  http = new HttpApp(silent);
  await startSurface({
    bot: new Bot({ knowledge, store }),
    store,
    config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }),
    log: silent,
    http,
  });
  base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
});
afterAll(async () => {
  await http.close();
});

const turn = async (body: unknown) => {
  const res = await fetch(`${base}/api/playground/turn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: PgMessage[] }).messages;
};

const SOLARIS =
  "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?";

describe("playground: a description of a situation", () => {
  it("typed in plain words gets what was understood and a recommendation; Refine asks only what is missing", async () => {
    const [, reply] = await turn({ session: "sess-recommend", text: SOLARIS });
    expect(reply).toMatchObject({ from: "bot", kind: "recommendation" });
    const fields = reply!.parts.flatMap((p) => (p.type === "fields" ? p.fields : []));
    expect(fields.map((f) => f.label)).toEqual([
      "Compliance",
      "Deploy frequency",
      "Several operating systems",
      "Legacy software",
    ]);
    expect(JSON.stringify(reply!.parts)).toContain("from: “regulator”");
    const refine = reply!.parts.flatMap((p) =>
      p.type === "buttons" && p.role === "menu" ? p.buttons : [],
    )[0]!;
    expect(refine.label).toBe("Refine: answer the 7 open questions");

    const [root, card] = await turn({
      session: "sess-recommend",
      action: refine.action,
      messageId: reply!.id,
    });
    expect(root).toMatchObject({ placement: "new-thread", kind: "checklist" });
    expect(card).toMatchObject({ thread: root!.id, kind: "checklist" });
    expect(JSON.stringify(card!.parts)).toContain("Question 1 of 7 · Isolation");
  });
});
