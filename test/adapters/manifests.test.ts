import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { colorIcon, outlineIcon } from "../../src/adapters/teams/package/icons.ts";
import { buildPackage, DEV_APP_ID, substitute } from "../../src/adapters/teams/package/manifest.ts";
import { encodePng } from "../../src/adapters/teams/package/png.ts";
import { readZip } from "../../src/adapters/teams/package/zip.ts";
import { typeErrors } from "../helpers/typecheck.ts";

/*
 * Both app manifests, checked with the platforms' own definitions, offline.
 *
 * Teams: the official MicrosoftTeams.schema.json of the version the manifest declares, as Microsoft ships
 * it for offline validation in the npm package @microsoft/app-manifest (Microsoft 365 Agents Toolkit,
 * github.com/OfficeDev/microsoft-365-agents-toolkit, build/json-schemas/teams/v<version>/), the same file
 * as https://developer.microsoft.com/en-us/json-schemas/teams/v<version>/MicrosoftTeams.schema.json.
 * The package version is pinned in package-lock.json. The 1.17 schema is draft-04, so ajv-draft-04.
 *
 * Slack: Slack's own types for the manifest, `Manifest` in @slack/web-api (the Node Slack SDK; its scope
 * and event names are closed unions), compiled against the manifests as object literals so that any
 * unknown field, scope or event fails. Slack's JSON Schema (github.com/slackapi/manifest-schema) is not
 * published on npm, so it is not in the repository; set VMVC_SLACK_MANIFEST_SCHEMA to a local copy of its
 * schemas/manifest.schema.1.0.0.json to validate against it too (draft-07, Ajv).
 */

const require = createRequire(import.meta.url);
// CommonJS packages whose default export TypeScript's NodeNext interop does not see as callable.
const Ajv = require("ajv") as typeof import("ajv").default;
const AjvDraft04 = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
const TEAMS_BOT_ID = "11111111-2222-3333-4444-555555555555";
const teamsValues = { TEAMS_APP_ID: DEV_APP_ID, BOT_ID: TEAMS_BOT_ID, BOT_DOMAIN: "vmvc.example.com" };
const teamsText = readFileSync("teams/manifest.json", "utf8");
const slackManifests = ["manifest.json", "manifest.http.json"] as const;

function teamsSchemaPath(version: string): string {
  const pkg = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return join(pkg, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
}

/** ajv errors as one line each, with the path into the manifest. */
function messages(errors: { instancePath: string; message?: string }[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

function teamsValidator(version: string) {
  const schema = JSON.parse(readFileSync(teamsSchemaPath(version), "utf8"));
  // Microsoft's schema is not written for Ajv's strict mode (e.g. additionalProperties without "type").
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("Teams manifest against Microsoft's MicrosoftTeams.schema.json", () => {
  const declared = JSON.parse(teamsText) as { manifestVersion: string; $schema: string };

  it("declares the schema URL of its own manifest version", () => {
    expect(declared.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${declared.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(existsSync(teamsSchemaPath(declared.manifestVersion))).toBe(true);
  });

  it("the filled-in manifest, and the one inside the built zip, are valid", () => {
    const validate = teamsValidator(declared.manifestVersion);
    const filled = JSON.parse(substitute(teamsText, teamsValues));
    expect(validate(filled), messages(validate.errors).join("\n")).toBe(true);

    const { zip, problems } = buildPackage({
      manifestText: teamsText,
      color: encodePng(colorIcon()),
      outline: encodePng(outlineIcon()),
      values: teamsValues,
    });
    expect(problems).toEqual([]);
    const inZip = JSON.parse(
      readZip(zip)
        .find((e) => e.name === "manifest.json")!
        .data.toString("utf8"),
    );
    expect(validate(inZip), messages(validate.errors).join("\n")).toBe(true);
  });

  it("the check bites: unknown fields, a long command title or a wrong version fail", () => {
    const validate = teamsValidator(declared.manifestVersion);
    const broken = JSON.parse(substitute(teamsText, teamsValues));
    broken.manifestVersion = "1.16";
    broken.bots[0].commandLists[0].commands[0].title = "x".repeat(40);
    broken.botDescription = "no such field";
    expect(validate(broken)).toBe(false);
    const found = messages(validate.errors).join("\n");
    expect(found).toMatch(/\/manifestVersion must be equal to constant/);
    expect(found).toMatch(/\/bots\/0\/commandLists\/0\/commands\/0\/title must NOT have more than 32/);
    expect(found).toMatch(/must NOT have additional properties/);
  });
});

/**
 * Compiles each text as the `manifest` argument of Slack's apps.manifest.validate (`Manifest` in
 * @slack/web-api, reached through Bolt's `webApi` export); returns the compiler's complaints.
 */
function slackTypeErrors(texts: Record<string, string>): string[] {
  return typeErrors(
    "vmvc-slack-manifest",
    Object.fromEntries(
      Object.entries(texts).map(([name, text]) => [
        name,
        [
          'import type { webApi } from "@slack/bolt";',
          `export const manifest: webApi.AppsManifestValidateArguments["manifest"] = ${text.trim()};`,
        ].join("\n"),
      ]),
    ),
  );
}

/**
 * Real Slack scopes that @slack/web-api's closed `BotScope` union does not list yet (checked below, so the
 * exception goes away when the SDK catches up). `assistant:write` is the scope of the assistant view
 * (docs.slack.dev/reference/scopes/assistant.write; Bolt's Assistant class needs it).
 */
const SCOPES_MISSING_FROM_SDK_TYPES = ["assistant:write"];

function withoutUntypedScopes(manifest: { oauth_config: { scopes: { bot: string[] } } }) {
  const copy = structuredClone(manifest);
  copy.oauth_config.scopes.bot = copy.oauth_config.scopes.bot.filter(
    (s) => !SCOPES_MISSING_FROM_SDK_TYPES.includes(s),
  );
  return copy;
}

describe("Slack manifests against Slack's own definitions", () => {
  it("type-check as apps.manifest.validate's Manifest (fields, scopes, events), and the check bites", () => {
    const manifests = Object.fromEntries(
      slackManifests.map((f) => [f, withoutUntypedScopes(JSON.parse(readFileSync(f, "utf8")))]),
    );
    const broken = structuredClone(manifests["manifest.json"]!) as Record<string, Record<string, unknown>>;
    (broken.oauth_config!.scopes as { bot: string[] }).bot.push("chat:write.publik");
    broken.settings!.sockets_enabled = true;
    const gap = {
      display_information: { name: "x" },
      oauth_config: { scopes: { bot: SCOPES_MISSING_FROM_SDK_TYPES } },
    };
    const texts = Object.fromEntries(
      Object.entries({ ...manifests, "broken.json": broken, "gap.json": gap }).map(([k, v]) => [
        k,
        JSON.stringify(v, null, 2),
      ]),
    );
    const errors = slackTypeErrors(texts);
    const of = (name: string) => errors.filter((e) => e.startsWith(name)).join("\n");
    expect(errors.filter((e) => !/^(broken|gap)_json/.test(e))).toEqual([]);
    expect(of("broken_json")).toMatch(/chat:write\.publik/);
    expect(of("broken_json")).toMatch(/sockets_enabled/);
    for (const scope of SCOPES_MISSING_FROM_SDK_TYPES) expect(of("gap_json")).toContain(`"${scope}"`);
  }, 60_000);

  it("keep within the lengths Slack documents for the fields we use", () => {
    for (const file of slackManifests) {
      const m = JSON.parse(readFileSync(file, "utf8"));
      expect(m.display_information.name.length, file).toBeLessThanOrEqual(35);
      expect(m.display_information.description.length, file).toBeLessThanOrEqual(140);
      expect(m.display_information.long_description.length, file).toBeGreaterThanOrEqual(175);
      expect(m.display_information.long_description.length, file).toBeLessThanOrEqual(4000);
      expect(m.display_information.background_color, file).toMatch(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
      expect(m.features.bot_user.display_name, file).toMatch(/^[a-z0-9._-]{1,80}$/);
      for (const c of m.features.slash_commands) {
        expect(c.command.length, file).toBeLessThanOrEqual(32);
        expect(c.description.length, file).toBeLessThanOrEqual(2000);
        expect(c.usage_hint.length, file).toBeLessThanOrEqual(1000);
      }
    }
  });

  const schemaFile = process.env.VMVC_SLACK_MANIFEST_SCHEMA;
  it.skipIf(!schemaFile)("validate against Slack's manifest JSON Schema (VMVC_SLACK_MANIFEST_SCHEMA)", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile!, "utf8")));
    for (const file of slackManifests) {
      expect(validate(JSON.parse(readFileSync(file, "utf8"))), messages(validate.errors).join("\n")).toBe(
        true,
      );
    }
  });
});
