import type { Turn } from "./turn.ts";

/** Who may read the usage report, per platform: person ids and conversation (or team) ids. */
export interface AllowList {
  users: string[];
  channels: string[];
}

export interface StatsAccess {
  slack: AllowList;
  teams: AllowList;
}

export const NO_STATS_ACCESS: StatsAccess = {
  slack: { users: [], channels: [] },
  teams: { users: [], channels: [] },
};

/**
 * `stats` shows what people asked, so chat surfaces deny it by default: only the people and
 * conversations on the platform's allow list get it. The CLI and the local playground are run
 * by whoever has the machine, so they may.
 */
export function mayReadStats(access: StatsAccess, turn: Turn): boolean {
  switch (turn.platform) {
    case "cli":
    case "playground":
      return true;
    case "slack":
    case "teams": {
      const list = access[turn.platform];
      const people = [turn.user.id, turn.user.directoryId];
      const places = [turn.conversation, turn.space];
      return (
        people.some((id) => id !== undefined && list.users.includes(id)) ||
        places.some((id) => id !== undefined && list.channels.includes(id))
      );
    }
  }
}
