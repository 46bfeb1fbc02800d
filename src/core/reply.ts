import type { Action } from "./action.ts";

/** A citation: the seed document's file name and the section (heading) the claim rests on. */
export interface Source {
  doc: string;
  section: string;
  /** The document's short name, for display ("Practical differences in 2026"). */
  title?: string;
  /** The short reference answer text uses for the document: "003" for 003_….txt. */
  ref: string;
  /**
   * What every surface shows, so "(003)" in the text can be matched to its source:
   * `003 · Making an informed decision, “Pros and Cons Deep Dive”`.
   */
  label: string;
}

export interface Button {
  label: string;
  action: Action;
  style?: "primary" | "danger";
}

/**
 * The building blocks of a neutral reply. Text uses a small markdown subset that every
 * renderer understands: `**bold**`, `_italic_`, `` `code` `` and lines starting with "- ";
 * a backslash makes the next character literal, and `<@id|name>` names a person. User text
 * enters only through `literal()` and people through `mention()` (render/inline.ts).
 * Renderers switch exhaustively over `type`, so a new part breaks the build until every
 * surface can show it.
 */
export type Part =
  | { type: "heading"; text: string }
  /** A quiet line above an answer naming the question it answers, so a wrong match shows at once. */
  | { type: "subtitle"; text: string }
  | { type: "text"; text: string }
  | { type: "fields"; fields: { label: string; value: string }[] }
  /** Score bars; a ruled-out option keeps its score but draws no bar (never longer than the pick's). */
  | {
      type: "bars";
      bars: { label: string; score: number; max: number; highlight?: boolean; ruledOut?: boolean }[];
    }
  | {
      type: "sources";
      sources: Source[] /** "and {count} more sources", for lists a surface shortens. */;
      more?: string;
      /** Show at most this many citations and count the rest with `more` (a short overview). */
      limit?: number;
    }
  /** A small grid: a header row and rows of cells (core markdown), e.g. the short comparison. */
  | { type: "table"; columns: string[]; rows: string[][] }
  /** One pick from a longer list: a menu where the surface has one, buttons elsewhere. */
  | { type: "picker"; label: string; placeholder: string; submit: string; options: Button[] }
  | { type: "context"; text: string }
  /**
   * `submit` names the one button that sends a pick where a surface shows the buttons as a
   * list of options instead (Teams: checklist answers, lists longer than it can show).
   */
  | { type: "buttons"; role: ButtonRole; label?: string; buttons: Button[]; submit?: string }
  | { type: "divider" };

export type ButtonRole = "followups" | "suggestions" | "feedback" | "choices" | "controls" | "share" | "menu";

/**
 * Where a reply goes:
 * - `here`: in the conversation or thread the turn came from;
 * - `replace`: in place of the message whose button was pressed;
 * - `new-thread`: as the root of a new thread; the adapter then runs `inThread` in that thread;
 * - `channel`: at the top level of the conversation, outside any thread (shared summaries);
 * - `thread`: publicly in `Reply.thread` (a walkthrough's cards), whoever pressed and however.
 */
export type Placement = "here" | "replace" | "new-thread" | "channel" | "thread";

/** A walkthrough's current card (question or recommendation) at one revision of its state. */
export interface StepRef {
  walkthroughId: string;
  rev: number;
}

export interface Reply {
  parts: Part[];
  placement: Placement;
  /** `private` replies are shown only to the asker where the surface can (Slack ephemeral). */
  visibility: "private" | "public";
  /** Plain-text fallback for notifications and screen readers. */
  summary: string;
  /** For `new-thread`: the action to run inside the thread once the root is posted. */
  inThread?: Action;
  /** For `thread`: the thread to post in (absent: the conversation's top level). */
  thread?: string;
  /**
   * Set on a walkthrough's current card: the delivery loop records that it was shown, and if it
   * cannot be posted even after retries, offers the person a "Continue" button instead.
   */
  step?: StepRef;
  /**
   * For `replace` with no button pressed (a checklist answer typed in its thread): the message
   * to replace, the card that asked the question, so its buttons do not stay open.
   */
  replaces?: string;
  /** What kind of reply this is, for adapters that treat kinds differently and for logs. */
  kind: ReplyKind;
}

export type ReplyKind =
  | "answer"
  | "decline"
  | "smalltalk"
  | "help"
  | "compare"
  | "topics"
  | "myths"
  | "checklist"
  | "recommendation"
  | "notice"
  | "error"
  | "stats";
