import type { Platform } from "../turn.ts";

/** A line in a user's "recent walkthroughs" list. */
export interface RecentWalkthrough {
  id: string;
  conversation: string;
  thread?: string;
  status: "active" | "finished" | "cancelled";
  startedAt: number;
  answered: number;
  recommendation?: string;
}

export const RECENT_LIMIT = 5;

export const recentKey = (platform: Platform, userId: string) => `recent:${platform}:${userId}`;
