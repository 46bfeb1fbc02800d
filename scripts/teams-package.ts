/**
 * Builds the Teams app package: `npm run teams:package` → teams/build/vmvc-teams.zip.
 * Fills the manifest placeholders from the environment (.env is read), draws the icons when
 * they are missing (or with --icons), validates manifest and icons, and writes the zip.
 *
 *   TEAMS_APP_ID  the Teams app id (default: MicrosoftAppId, else a fixed dev GUID)
 *   BOT_ID        the bot's id (default: MicrosoftAppId, else the same dev GUID)
 *   BOT_DOMAIN    the public host of /api/messages, e.g. vmvc.example.com (default localhost)
 */
import "dotenv/config";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { colorIcon, outlineIcon } from "../src/adapters/teams/package/icons.ts";
import { buildPackage, DEV_APP_ID } from "../src/adapters/teams/package/manifest.ts";
import { encodePng } from "../src/adapters/teams/package/png.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const teamsDir = join(root, "teams");
const out = join(teamsDir, "build", "vmvc-teams.zip");

function icon(name: string, draw: () => Parameters<typeof encodePng>[0], redraw: boolean): Buffer {
  const path = join(teamsDir, name);
  if (redraw || !existsSync(path)) {
    writeFileSync(path, encodePng(draw()));
    console.log(`drew ${relative(root, path)}`);
  }
  return readFileSync(path);
}

function main(): number {
  const redraw = process.argv.includes("--icons");
  const env = (name: string) => process.env[name]?.trim() || undefined;
  const appId = env("MicrosoftAppId");
  const domain = env("BOT_DOMAIN") ?? "localhost";
  if (!appId)
    console.warn(
      `MicrosoftAppId is not set: using the dev id ${DEV_APP_ID} (fine for the manifest, not for a real bot).`,
    );
  if (domain === "localhost")
    console.warn("BOT_DOMAIN is not set: validDomains and the developer URLs use localhost.");
  const { zip, problems } = buildPackage({
    manifestText: readFileSync(join(teamsDir, "manifest.json"), "utf8"),
    color: icon("color.png", colorIcon, redraw),
    outline: icon("outline.png", outlineIcon, redraw),
    values: {
      TEAMS_APP_ID: env("TEAMS_APP_ID") ?? appId ?? DEV_APP_ID,
      BOT_ID: env("BOT_ID") ?? appId ?? DEV_APP_ID,
      BOT_DOMAIN: domain,
    },
  });
  if (problems.length > 0) {
    for (const p of problems) console.error(`✗ ${p}`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `wrote ${relative(root, out)} (${zip.length} bytes): upload it in Teams › Apps › Manage your apps › Upload an app.`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exitCode = 1;
}
