import type { StateStore } from "../store/store.ts";
import { type HttpApp, sendJson } from "./http.ts";

/** `/healthz`: liveness plus store reachability; reveals no configuration or secrets. */
export function mountHealth(http: HttpApp, store: StateStore, startedAt: number): void {
  http.route("GET", "/healthz", async (_req, res) => {
    const storeOk = await store.ping().catch(() => false);
    sendJson(res, storeOk ? 200 : 503, {
      status: storeOk ? "ok" : "degraded",
      store: { kind: store.kind, reachable: storeOk },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
  });
}
