// The bare limit for `npm run bench`: a node:http server that only verifies Slack's HMAC
// signature (same algorithm and window as the bot) and answers with the same JSON the bot's ack
// carries, so the two differ only in what the bot does beyond that.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const secret = process.env.SLACK_SIGNING_SECRET ?? "";
// The same JSON the bot acks `/vmvc help` with, captured from the real server by the bench.
const answer = process.env.BARE_RESPONSE_FILE
  ? readFileSync(process.env.BARE_RESPONSE_FILE)
  : Buffer.alloc(0);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const ts = String(req.headers["x-slack-request-timestamp"] ?? "");
    const given = Buffer.from(String(req.headers["x-slack-signature"] ?? ""));
    const expected = Buffer.from(
      `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`,
    );
    const fresh = Math.abs(Date.now() / 1000 - Number(ts)) <= 300;
    const ok = fresh && given.length === expected.length && timingSafeEqual(given, expected);
    if (!ok) res.writeHead(401).end();
    else
      res
        .writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "content-length": answer.length,
        })
        .end(answer);
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
