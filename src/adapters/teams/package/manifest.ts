import { z } from "zod";
import { pngInfo } from "./png.ts";
import { writeZip, type ZipEntry } from "./zip.ts";

/** Used when no MicrosoftAppId is set: a stable id for local sideloading. */
export const DEV_APP_ID = "5a3c7e1e-2b6f-4d7a-9c1e-7f0d3b9a6c42";

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");
const domain = z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, "must be a host name (no scheme, no path)");
const scope = z.enum(["personal", "team", "groupChat"]);

/** The manifest fields we use, checked before packaging (Teams rejects the zip otherwise). */
export const manifestSchema = z.looseObject({
  $schema: z.url().regex(/\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/),
  manifestVersion: z.string().regex(/^1\.(1[7-9]|[2-9]\d)$/, "use manifest schema 1.17 or newer"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: guid,
  developer: z.looseObject({
    name: z.string().min(1).max(32),
    websiteUrl: z.url(),
    privacyUrl: z.url(),
    termsOfUseUrl: z.url(),
  }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.looseObject({ color: z.string().min(1), outline: z.string().min(1) }),
  accentColor: z.string().regex(/^#[0-9a-f]{6}$/i),
  bots: z
    .array(
      z.looseObject({
        botId: guid,
        scopes: z.array(scope).min(1),
        commandLists: z
          .array(
            z.looseObject({
              scopes: z.array(scope).min(1),
              commands: z
                .array(
                  z.looseObject({
                    title: z.string().min(1).max(32),
                    description: z.string().min(1).max(128),
                  }),
                )
                .max(10),
            }),
          )
          .max(3),
      }),
    )
    .length(1),
  validDomains: z.array(domain).max(16),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const REQUIRED_COMMANDS = ["help", "ask", "compare", "checklist", "topics", "myths"] as const;

export interface PackageInputs {
  manifestText: string;
  color: Buffer;
  outline: Buffer;
  values: { TEAMS_APP_ID: string; BOT_ID: string; BOT_DOMAIN: string };
}

/** `${{NAME}}` placeholders → values; an unknown placeholder is an error, not silently kept. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([A-Z_]+)\s*\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest: no value for placeholder \${{${name}}}`);
    return value;
  });
}

/** Checks the manifest and icons; returns every problem, one line each. */
export function validatePackage(manifest: unknown, color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems.push(`manifest.json ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  else {
    const bot = parsed.data.bots[0]!;
    for (const s of ["personal", "team", "groupChat"] as const) {
      if (!bot.scopes.includes(s)) problems.push(`manifest.json bots.0.scopes: missing ${s}`);
      const list = bot.commandLists.find((l) => l.scopes.includes(s));
      const titles = new Set(list?.commands.map((c) => c.title) ?? []);
      const missing = REQUIRED_COMMANDS.filter((c) => !titles.has(c));
      if (missing.length > 0)
        problems.push(`manifest.json bots.0.commandLists (${s}): missing ${missing.join(", ")}`);
    }
    if (parsed.data.icons.color !== "color.png" || parsed.data.icons.outline !== "outline.png")
      problems.push("manifest.json icons: expected color.png and outline.png");
  }
  for (const [name, bytes, size] of [
    ["color.png", color, 192],
    ["outline.png", outline, 32],
  ] as const) {
    try {
      const info = pngInfo(bytes);
      if (info.width !== size || info.height !== size)
        problems.push(`${name}: must be ${size}×${size}, is ${info.width}×${info.height}`);
      if (name === "outline.png" && info.colorType !== 6)
        problems.push("outline.png: must have an alpha channel (white on transparent)");
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Builds the app package zip: manifest.json, color.png, outline.png at the root. */
export function buildPackage(inputs: PackageInputs): { zip: Buffer; manifest: unknown; problems: string[] } {
  const manifestJson = substitute(inputs.manifestText, inputs.values);
  const manifest: unknown = JSON.parse(manifestJson);
  const problems = validatePackage(manifest, inputs.color, inputs.outline);
  const entries: ZipEntry[] = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: "color.png", data: inputs.color },
    { name: "outline.png", data: inputs.outline },
  ];
  return { zip: writeZip(entries), manifest, problems };
}
