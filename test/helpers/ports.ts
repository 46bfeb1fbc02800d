import { createServer } from "node:net";

/**
 * A loopback port that nothing listens on right now: free for a server to take, or closed
 * for a client to fail against. (A small race with other processes is acceptable here.)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
