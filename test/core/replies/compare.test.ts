import { describe, expect, it } from "vitest";
import { plainText } from "../../../src/core/render/plainText.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { createStore } from "../../../src/store/index.ts";
import { knowledge, makeBot, pickerOptions, press, turn } from "../../helpers/bot.ts";

const k = knowledge;
const table = (r: Reply) => r.parts.find((p) => p.type === "table");

describe("compare", () => {
  it("alone gives the key aspects as a short table, a menu of every other aspect and 'everything'", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "compare", via: "command" }));
    const t = table(r!);
    expect(t?.type === "table" && t.rows.length).toBe(k.responses.compare.keyAspects.length);
    expect(k.responses.compare.keyAspects.length).toBeGreaterThanOrEqual(6);
    const offered = new Set(
      pickerOptions([r!]).map((b) => (b.action.type === "compare" ? b.action.aspect : "")),
    );
    for (const a of k.compare)
      expect(offered.has(a.id) || k.responses.compare.keyAspects.includes(a.id), a.id).toBe(true);
  });

  it("every aspect's menu item works, and so does its name in any case, with or without hyphens", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [all] = await bot.handle(turn({ text: "compare all", via: "command" }));
    const options = pickerOptions([all!]);
    expect(options.map((o) => (o.action.type === "compare" ? o.action.aspect : ""))).toEqual(
      k.compare.map((a) => a.id),
    );
    for (const o of options) {
      const [r] = await bot.handle(press(o.action));
      expect(r!.kind, o.label).toBe("compare");
      expect(r!.parts[0]).toEqual({ type: "heading", text: `${o.label}: VMs vs containers` });
    }
    for (const a of k.compare) {
      for (const q of [
        a.id,
        a.id.toUpperCase(),
        a.id.replace(/-/g, " "),
        a.id.replace(/-/g, ""), // "boottime", "selfhealing"
        a.name.toLowerCase(),
      ]) {
        const [r] = await bot.handle(turn({ text: `compare ${q}`, via: "command" }));
        expect(r!.parts[0], `compare ${q}`).toEqual({
          type: "heading",
          text: `${a.name}: VMs vs containers`,
        });
      }
    }
  });

  it("the overview cites its first few sources and counts the rest; each aspect lists its own in full", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "compare", via: "command" }));
    const sources = r!.parts.find((p) => p.type === "sources");
    expect(sources?.type === "sources" && sources.limit).toBeGreaterThan(0);
    const all = sources?.type === "sources" ? sources.sources.length : 0;
    const limit = sources?.type === "sources" ? (sources.limit ?? 0) : 0;
    expect(all).toBeGreaterThan(limit);
    expect(plainText([r!])).toContain(k.responses.ui.moreSources.replace("{count}", String(all - limit)));
    const [one] = await bot.handle(turn({ text: "compare boot time", via: "command" }));
    const own = one!.parts.find((p) => p.type === "sources");
    expect(own?.type === "sources" && own.limit).toBeFalsy();
  });

  it("'compare vms and containers' is the overview; 'compare everything' and 'compare all' show every aspect", async () => {
    const bot = makeBot(await createStore("memory:"));
    const rows = async (q: string) => {
      const [r] = await bot.handle(turn({ text: q, via: "command" }));
      const t = table(r!);
      return t?.type === "table" ? t.rows.length : 0;
    };
    expect(await rows("compare vms and containers")).toBe(k.responses.compare.keyAspects.length);
    expect(await rows("compare virtual machines vs containers")).toBe(k.responses.compare.keyAspects.length);
    expect(await rows("compare everything")).toBe(k.compare.length);
    expect(await rows("compare all")).toBe(k.compare.length);
    const [unknown] = await bot.handle(turn({ text: "compare flux capacitor", via: "command" }));
    expect(plainText([unknown!])).toContain(k.responses.errors.unknownAspect);
  });

  it("myths offer a 'Read more' for every myth; glossary titles read naturally", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [m] = await bot.handle(turn({ text: "myths", via: "command" }));
    const more = m!.parts.find((p) => p.type === "buttons" && p.role === "followups");
    expect(more?.type === "buttons" && more.buttons.length).toBe(k.myths.length);
    const titles = bot.qa.entries.filter((e) => e.kind === "term").map((e) => e.question);
    expect(titles).toContain("What is Kubernetes?");
    expect(titles).toContain("What is a hypervisor?");
    expect(titles).toContain("What is Firecracker?");
    expect(titles.filter((t) => /^What is an? (Kubernetes|Firecracker|Hypervisor)\?/.test(t))).toEqual([]);
  });
});
