import { editDistance } from "./matcher/text.ts";

/** What a typed message asks for. The same words work on every surface, with or without `/vmvc`. */
export type Command =
  | { type: "help" }
  | { type: "ask"; question: string }
  | { type: "compare"; aspect?: string }
  | { type: "checklist" }
  | { type: "recommend"; description: string }
  | { type: "topics"; topic?: string }
  | { type: "myths" }
  | { type: "stats" };

const PREFIX = /^\s*\/?vmvc\b[\s:,]*/i;

/**
 * Parses a message into a command. Anything that is not a command word is a question, so
 * `/vmvc can we run databases in containers?` is the same as `ask …`.
 */
export function parseCommand(text: string): Command {
  const body = text.replace(PREFIX, "").trim();
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(body);
  if (!match) return { type: "ask", question: "" };
  const typed = match[1]!.toLowerCase().replace(/[.!?:]+$/, "");
  const rest = (match[2] ?? "").trim();
  switch (commandWord(typed, rest)) {
    case "help":
    case "commands":
      return rest ? { type: "ask", question: body } : { type: "help" };
    case "ask":
      return { type: "ask", question: rest };
    case "compare":
      return rest ? { type: "compare", aspect: rest } : { type: "compare" };
    case "checklist":
    case "walkthrough":
      // "checklist for the logistics client", "checklist please": the command with a note; a
      // question about checklists is asked.
      return !rest || (/^(?:for|please|pls|plz|now|again)\b/i.test(rest) && !/[?:]/.test(rest))
        ? { type: "checklist" }
        : { type: "ask", question: body };
    case "recommend":
      return { type: "recommend", description: rest };
    case "topics":
    case "topic":
      return rest ? { type: "topics", topic: rest } : { type: "topics" };
    case "myths":
    case "myth":
      return rest ? { type: "ask", question: body } : { type: "myths" };
    case "stats":
      return rest ? { type: "ask", question: body } : { type: "stats" };
    case "start":
      return /^(a\s+)?(checklist|walkthrough)$/i.test(rest)
        ? { type: "checklist" }
        : { type: "ask", question: body };
    default:
      return { type: "ask", question: body };
  }
}

/**
 * The command word typed, or the one it misspells: "recomend smth: 3 devs, …" (a blind trial's was
 * declined as a question naming Redis). Only `recommend` with a description and `checklist` alone,
 * one or two letters off, where no other word is meant.
 */
function commandWord(typed: string, rest: string): string {
  if (typed === "recommend" || typed === "checklist") return typed;
  if (rest && typed.startsWith("rec") && !INFLECTED.has(typed) && editDistance(typed, "recommend", 2) <= 2)
    return "recommend";
  if (!rest && typed.startsWith("ch") && editDistance(typed, "checklist", 1) <= 1) return "checklist";
  return typed;
}

/** Words near "recommend" that are no typo of it: "recommended setup for a small team?" asks. */
const INFLECTED = new Set(["recommends", "recommended", "recommender", "recommendation"]);
