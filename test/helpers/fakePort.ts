import { DeliveryError, type DeliveryPort, type Posted } from "../../src/core/delivery/port.ts";
import type { Button, Reply } from "../../src/core/reply.ts";

export type PortMethod = "post" | "root" | "top" | "replace" | "private";

/** One call the delivery loop made on the fake port, and what it posted. */
export interface PortCall {
  method: PortMethod;
  reply: Reply;
  thread?: string | undefined;
  ref?: string | undefined;
  /** Set when the call failed (on purpose). */
  failed?: string;
}

/**
 * A delivery port in memory: records every call in order, numbers posted messages, and fails
 * the calls a test chooses (`failures`), so the core's loop can be tested without a platform.
 */
export class FakePort implements DeliveryPort {
  readonly calls: PortCall[] = [];
  /** Scripted failures, consumed in order by the first call of the method they name. */
  readonly failures: { method: PortMethod; error: DeliveryError; times: number }[] = [];
  private seq = 0;

  /** Absent with `canWhisper: false`, like Teams: the loop must post private replies instead. */
  readonly private?: (reply: Reply, thread: string | undefined) => Promise<Posted>;

  constructor(readonly options: { privateHere?: boolean; pressed?: string; canWhisper?: boolean } = {}) {
    if (options.canWhisper !== false)
      this.private = async (reply, thread) => this.record("private", reply, thread);
  }

  get privateHere(): boolean {
    return this.options.privateHere ?? false;
  }
  get pressed(): string | undefined {
    return this.options.pressed;
  }

  fail(
    method: PortMethod,
    code: string,
    opts: { transient?: boolean; retryAfterMs?: number; times?: number } = {},
  ) {
    const error = new DeliveryError(code, {
      transient: opts.transient ?? true,
      ...(opts.retryAfterMs !== undefined ? { retryAfterMs: opts.retryAfterMs } : {}),
    });
    this.failures.push({ method, error, times: opts.times ?? 1 });
    return this;
  }

  private record(method: PortMethod, reply: Reply, thread?: string): Posted {
    const failure = this.failures.find((f) => f.method === method && f.times > 0);
    if (failure) {
      failure.times--;
      this.calls.push({ method, reply, thread, failed: failure.error.code });
      throw failure.error;
    }
    const ref = method === "private" ? undefined : `m${++this.seq}`;
    this.calls.push({ method, reply, thread, ref });
    return { ref };
  }

  async post(reply: Reply, thread: string | undefined): Promise<Posted> {
    return this.record("post", reply, thread);
  }
  async root(reply: Reply): Promise<Posted & { thread: string | undefined }> {
    const posted = this.record("root", reply);
    return { ...posted, thread: posted.ref };
  }
  async top(reply: Reply): Promise<Posted> {
    return this.record("top", reply);
  }
  async replace(ref: string, reply: Reply): Promise<Posted> {
    this.record("replace", reply, ref);
    return { ref };
  }

  /** The calls that went through (not the failed attempts). */
  get delivered(): PortCall[] {
    return this.calls.filter((c) => !c.failed);
  }

  /** The buttons of the last delivered reply that has any of `role`. */
  lastButtons(role: string): Button[] {
    for (const c of [...this.delivered].reverse()) {
      const found = c.reply.parts.flatMap((p) => (p.type === "buttons" && p.role === role ? p.buttons : []));
      if (found.length > 0) return found;
    }
    return [];
  }
}
