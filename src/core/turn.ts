import type { Action } from "./action.ts";

export type Platform = "slack" | "teams" | "playground" | "cli";

/**
 * One thing a person did, platform-neutral: typed text or a button press.
 * `thread` is the thread (or reply chain) the turn belongs to, when there is one.
 */
export interface Turn {
  platform: Platform;
  /** `directoryId`: the person's id in the organisation's directory (Teams: AAD object id). */
  user: { id: string; name?: string; directoryId?: string };
  conversation: string;
  /** The workspace or team the conversation belongs to, where the platform says (Teams team id). */
  space?: string;
  thread?: string;
  /** How the text arrived: slash command, @-mention, direct message, or a press. */
  via: "command" | "mention" | "direct" | "action";
  text?: string;
  action?: Action;
}
