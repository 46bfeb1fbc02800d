import { describe, expect, it } from "vitest";
import type { PgMessage } from "../../../src/adapters/playground/transcript.ts";
import { usePlayground } from "./harness.ts";

const { turn, base } = usePlayground();
const botMessages = (ms: PgMessage[]) => ms.filter((m) => m.from === "bot");
const buttonsOf = (m: PgMessage) => m.parts.flatMap((p) => (p.type === "buttons" ? p.buttons : []));

describe("playground: the answered question, up front", () => {
  it("opens an answer with a subtitle part naming the canonical question", async () => {
    const [answer] = botMessages(
      await turn({ session: "pg-subtitle-1", text: "can we run postgres in a container" }),
    );
    expect(answer!.parts[0]).toEqual({
      type: "subtitle",
      text: "Answering: Can we run databases and other stateful workloads in containers?",
    });
  });

  it("renders the subtitle part in the page script as a muted line", async () => {
    const script = await (await fetch(`${base()}/playground/app.js`)).text();
    expect(script).toMatch(/case "subtitle":\s*\n\s*return el\("p", "subtitle", part\.text\);/);
    const css = await (await fetch(`${base()}/playground/style.css`)).text();
    expect(css).toMatch(/\.subtitle \{[^}]*color: var\(--muted\)/);
  });
});

describe("playground: Not what I asked", () => {
  it("replaces the answer with the next best entries, and a pick replaces that", async () => {
    const session = "pg-correction-1";
    const [answer] = botMessages(
      await turn({ session, text: "do i need kubernetes to run containers in production" }),
    );
    const wrong = buttonsOf(answer!).find((b) => b.action.type === "not-this");
    expect(wrong?.label).toBe("Not what I asked");
    const [list] = await turn({ session, action: wrong!.action, messageId: answer!.id });
    expect(list!.id).toBe(answer!.id);
    const choices = buttonsOf(list!).filter((b) => b.action.type === "ask" && b.action.via === "correction");
    expect(choices).toHaveLength(3);
    const [picked] = await turn({ session, action: choices[0]!.action, messageId: answer!.id });
    expect(picked!.id).toBe(answer!.id);
    expect(picked!.kind).toBe("answer");
  });
});

describe("playground: follow-ups in context", () => {
  it("resolves a follow-up within a session, not in another one", async () => {
    await turn({ session: "pg-follow-1", text: "can we run databases in containers?" });
    const [r] = botMessages(await turn({ session: "pg-follow-1", text: "why?" }));
    // About the answer just given: the reasons it gives (responses followUp.reasons).
    expect(r!.parts[0]).toEqual({
      type: "context",
      text: "Following up on _Can we run databases and other stateful workloads in containers?_",
    });
    expect(r!.parts[1]).toMatchObject({
      type: "text",
      text: expect.stringMatching(/^The reasons my answer above gives/),
    });
    const [other] = botMessages(await turn({ session: "pg-follow-2", text: "why?" }));
    expect(other!.kind).toBe("decline");
  });
});
