import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RunningApp, startApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { repoRoot } from "../../src/paths.ts";
import { parseStateUrl } from "../../src/store/url.ts";

/**
 * No container engine runs here, so docker-compose.yml and the Dockerfile are checked for
 * what they promise: the structure compose needs, an environment the bot accepts, and health
 * checks that really tell a healthy server from a dead one.
 */
const composeText = readFileSync(resolve(repoRoot, "docker-compose.yml"), "utf8");
const dockerfile = readFileSync(resolve(repoRoot, "Dockerfile"), "utf8");

const healthcheck = z.object({
  test: z.array(z.string()).min(2),
  interval: z.string(),
  timeout: z.string(),
  retries: z.number().int().positive(),
});
const service = z.object({
  image: z.string().optional(),
  build: z.union([z.string(), z.object({ context: z.string() })]).optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string()).optional(),
  expose: z.array(z.string()).optional(),
  healthcheck: healthcheck.optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  volumes: z.array(z.string()).optional(),
});
const compose = z
  .object({ services: z.record(z.string(), service), volumes: z.record(z.string(), z.unknown()).optional() })
  .parse(load(composeText));

const bots = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

/** Compose's `${VAR:-default}` interpolation, with nothing set in the deployer's shell. */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+):-([^}]*)\}/g, (_, _name, fallback) => fallback);

/** Runs a health check's CMD (exec form) against `port`; true when it exits 0. Async: the server runs in this process. */
async function runCheck(test: string[], port: number): Promise<boolean> {
  const [kind, command, ...args] = test;
  expect(kind).toBe("CMD");
  expect(command).toBe("node"); // node:20-slim has no curl or wget
  const child = spawn(process.execPath, args, { env: { PORT: String(port) }, stdio: "ignore" });
  const [code] = (await once(child, "exit")) as [number | null];
  return code === 0;
}

describe("docker-compose.yml", () => {
  it("runs at least two bot replicas built from the Dockerfile, on the compose redis service", () => {
    expect(bots.length).toBeGreaterThanOrEqual(2);
    const redis = compose.services.redis;
    expect(redis?.image).toMatch(/^redis:/);
    expect(redis?.healthcheck?.test.join(" ")).toMatch(/redis-cli ping/);
    for (const [name, bot] of bots) {
      expect(bot.build, name).toBe(".");
      expect(existsSync(resolve(repoRoot, "Dockerfile"))).toBe(true);
      const env = bot.environment ?? {};
      const state = parseStateUrl(env.STATE_URL ?? "");
      expect(state.kind, `${name} STATE_URL`).toBe("redis");
      const host = new URL(env.STATE_URL!).hostname;
      expect(compose.services[host], `${name}: STATE_URL host is a compose service`).toBeDefined();
      expect(bot.depends_on?.[host]?.condition, name).toBe("service_healthy");
      expect(bot.healthcheck?.test.join(" "), name).toMatch(/\/healthz/);
    }
  });

  it("passes the platform credentials through and gives an environment the bot accepts", () => {
    for (const [name, bot] of bots) {
      const env = bot.environment ?? {};
      for (const variable of [
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppType",
        "MicrosoftAppTenantId",
        "VMVC_STATS_USERS",
        "VMVC_STATS_CHANNELS",
        "LOG_LEVEL",
      ])
        expect(env[variable], `${name} passes ${variable} through`).toBe(
          `\${${variable}:-${interpolate(env[variable] ?? "")}}`,
        );
      // With nothing set, the bot starts (config parses) on the port the balancer targets.
      const config = loadConfig(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)])));
      expect(config.stateUrl).toBe("redis://redis:6379");
      expect(config.port).toBe(3978);
      expect(config.slack).toBeUndefined();
      // And with Slack credentials set, Slack runs over HTTP (Socket Mode is one process only).
      const withSlack = loadConfig({
        ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)])),
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_SIGNING_SECRET: "s",
      });
      expect(withSlack.slack?.mode).toBe("http");
    }
  });

  it("puts one load balancer in front of every replica", () => {
    const lb = Object.values(compose.services).find((s) => s.build === undefined && s.ports?.length);
    expect(lb).toBeDefined();
    const command = Array.isArray(lb!.command) ? lb!.command.join(" ") : (lb!.command ?? "");
    for (const [name] of bots) expect(command).toContain(`${name}:3978`);
    for (const [name] of bots) expect(lb!.depends_on?.[name]?.condition).toBe("service_healthy");
    expect(lb!.ports).toEqual(["3978:3978"]);
  });
});

describe("Dockerfile", () => {
  it("builds on node:20-slim with npm ci and starts with npm start", () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
    // Everything `npm start` reads at run time is copied in.
    for (const path of ["package.json", "package-lock.json", "src", "knowledge"])
      expect(dockerfile).toMatch(new RegExp(`^COPY .*\\b${path.replace(".", "\\.")}\\b`, "m"));
    expect(JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")).scripts.start).toBe(
      "tsx src/main.ts",
    );
  });

  describe("health checks, run against a real server", () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(
        loadConfig({ PORT: "0", HOST: "127.0.0.1", STATE_URL: "memory:", PLAYGROUND: "off" }),
        createLogger("silent"),
      );
    });
    let stopped = false;
    afterAll(async () => {
      if (!stopped) await app?.stop();
    });

    const imageCheck = (): string[] => {
      const line = dockerfile
        .replace(/\\\n\s*/g, "")
        .split("\n")
        .find((l) => l.startsWith("HEALTHCHECK"));
      expect(line).toMatch(/--interval=\S+ --timeout=\S+/);
      return JSON.parse(line!.slice(line!.indexOf("CMD ") + 4)) as string[];
    };

    it("pass on a healthy server and fail where nothing answers (image and compose checks)", async () => {
      const checks = [["CMD", ...imageCheck()], ...bots.map(([, b]) => b.healthcheck!.test)];
      for (const test of checks) expect(await runCheck(test, app.port)).toBe(true);
      const port = app.port;
      await app.stop();
      stopped = true;
      for (const test of checks) expect(await runCheck(test, port)).toBe(false);
    });
  });
});
