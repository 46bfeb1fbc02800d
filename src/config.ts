import { z } from "zod";
import type { StatsAccess } from "./core/statsAccess.ts";

/** A configuration problem: one line that names the variable and says what to do. */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const onOff = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return true;
    if (/^(1|on|true|yes)$/i.test(v)) return true;
    if (/^(0|off|false|no)$/i.test(v)) return false;
    ctx.addIssue({ code: "custom", message: "must be on or off" });
    return z.NEVER;
  });
const list = optional.transform((v) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optional,
  STATE_URL: optional.transform((v) => v ?? "sqlite:./data/vmvc.db"),
  PLAYGROUND: onOff,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_BOT_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith("xoxb-"),
    "must be a bot token starting with xoxb-",
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith("xapp-"),
    "must be an app-level token starting with xapp-",
  ),
  SLACK_API_URL: optional.refine((v) => v === undefined || URL.canParse(v), "must be a URL"),
  /** Slack user ids or channel ids allowed to run `/vmvc stats`. */
  VMVC_STATS_USERS: list,
  VMVC_STATS_CHANNELS: list,
  /** Teams user ids (AAD object ids or Bot Framework ids) and team or channel ids allowed `stats`. */
  VMVC_STATS_TEAMS_USERS: list,
  VMVC_STATS_TEAMS_CHANNELS: list,
  /** How often a failed platform call is tried again, and the first backoff (doubled each time). */
  VMVC_DELIVERY_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  VMVC_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z
    .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MicrosoftAppTenantId: optional,
});

export type SlackConfig =
  | { mode: "socket"; botToken: string; appToken: string; signingSecret?: string; apiUrl?: string }
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl?: string };

export interface TeamsConfig {
  /** Empty app id: anonymous local mode (no JWT checks, no outbound tokens). */
  appId: string;
  appPassword: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string;
}

export interface Config {
  port: number;
  host?: string;
  stateUrl: string;
  playground: boolean;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  rateLimitPerMinute: number;
  slack?: SlackConfig;
  /** Who may read `stats` on Slack and Teams (deny by default there). */
  statsAccess: StatsAccess;
  delivery: { retries: number; backoffMs: number };
  teams: TeamsConfig;
}

/** Parses the environment once. Every problem is reported as one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    ...(e.HOST ? { host: e.HOST } : {}),
    stateUrl: e.STATE_URL,
    playground: e.PLAYGROUND,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    statsAccess: {
      slack: { users: e.VMVC_STATS_USERS, channels: e.VMVC_STATS_CHANNELS },
      teams: { users: e.VMVC_STATS_TEAMS_USERS, channels: e.VMVC_STATS_TEAMS_CHANNELS },
    },
    delivery: { retries: e.VMVC_DELIVERY_RETRIES, backoffMs: e.VMVC_DELIVERY_BACKOFF_MS },
    ...slackOf(e),
    teams: teamsOf(e),
  };
}

function slackOf(e: z.infer<typeof envSchema>): { slack?: SlackConfig } {
  const apiUrl = e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {};
  if (e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN)
      throw new ConfigError(
        "SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN (Socket Mode needs the xoxb- bot token too)",
      );
    return {
      slack: {
        mode: "socket",
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
        ...apiUrl,
      },
    };
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET)
    throw new ConfigError(
      "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN)
    throw new ConfigError("SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET");
  if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET)
    return {
      slack: { mode: "http", botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, ...apiUrl },
    };
  return {};
}

function teamsOf(e: z.infer<typeof envSchema>): TeamsConfig {
  const appId = e.MicrosoftAppId ?? "";
  const appType = e.MicrosoftAppType ?? "MultiTenant";
  if (!appId) {
    if (e.MicrosoftAppPassword)
      throw new ConfigError(
        "MicrosoftAppId: required with MicrosoftAppPassword (leave both empty for local anonymous mode)",
      );
    return { appId: "", appPassword: "", appType, tenantId: "" };
  }
  if (appType !== "UserAssignedMSI" && !e.MicrosoftAppPassword)
    throw new ConfigError("MicrosoftAppPassword: required with MicrosoftAppId");
  if (appType === "SingleTenant" && !e.MicrosoftAppTenantId)
    throw new ConfigError("MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant");
  return {
    appId,
    appPassword: e.MicrosoftAppPassword ?? "",
    appType,
    tenantId: e.MicrosoftAppTenantId ?? "",
  };
}
