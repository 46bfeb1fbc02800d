import type { Action } from "../action.ts";
import type { Reply, StepRef } from "../reply.ts";
import type { Turn } from "../turn.ts";
import { CANNOT_POST, DeliveryError, type DeliveryPort, type Posted } from "./port.ts";
import { type RetryPolicy, type Sleep, withRetry } from "./retry.ts";

/** A new thread's follow-up may itself open a thread; this bounds such a chain. */
export const MAX_FOLLOW_UPS = 2;

/** Where the loop writes what went wrong; pino's logger fits. */
export interface DeliveryLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** What the loop needs from the core besides the port. */
export interface DeliveryHooks {
  /** Runs a follow-up action (a new thread's `inThread`) as part of the same person's turn. */
  followUp(turn: Turn): Promise<Reply[]>;
  /** A walkthrough's card was posted (as `ref`): recorded so a later stale press knows it is visible. */
  shown(turn: Turn, step: StepRef, ref: string | undefined): Promise<void>;
  /** The short message with a working "Continue" button, for a step that could not be shown. */
  continueReply(action: Action): Reply;
  /** What to tell the person when the bot cannot post where they are (`not_in_channel` …). */
  cannotPost(code: string): Reply;
}

export interface DeliveryOptions {
  retry: RetryPolicy;
  sleep: Sleep;
  log: DeliveryLog;
}

/**
 * The one delivery loop: places each reply through the surface's port (here, in a thread, as a
 * new thread root, in place of the pressed message, privately where the platform can), follows
 * "start a thread and continue in it" up to MAX_FOLLOW_UPS, retries transient failures with
 * backoff, and never leaves a walkthrough without a working next step: a card that cannot be
 * posted becomes a "Continue" button that posts it again.
 */
export class Delivery {
  constructor(
    private readonly hooks: DeliveryHooks,
    private readonly options: DeliveryOptions,
  ) {}

  /** Delivers `replies` for `turn`; throws the first failure nobody was told about, after the rest are sent. */
  async deliver(turn: Turn, port: DeliveryPort, replies: Reply[], depth = 0): Promise<void> {
    let failure: unknown;
    for (const reply of replies) {
      try {
        await this.one(turn, port, reply, depth);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  private send(call: () => Promise<Posted>): Promise<Posted> {
    return withRetry(call, this.options.retry, this.options.sleep);
  }

  /** Private where the reply or the place asks for it and the platform can; otherwise public here. */
  private here(turn: Turn, port: DeliveryPort, reply: Reply): Promise<Posted> {
    const privately = reply.visibility === "private" || port.privateHere;
    const { private: whisper } = port;
    if (privately && whisper) return this.send(() => whisper.call(port, reply, turn.thread));
    return this.send(() => port.post(reply, turn.thread));
  }

  private async one(turn: Turn, port: DeliveryPort, reply: Reply, depth: number): Promise<void> {
    switch (reply.placement) {
      case "here":
        await this.guarded(turn, port, () => this.here(turn, port, reply));
        return;
      case "replace":
        await this.replace(turn, port, reply, depth);
        return;
      case "thread":
        await this.step(turn, port, reply);
        return;
      case "channel": {
        const { private: whisper } = port;
        if (reply.visibility === "private" && whisper)
          await this.send(() => whisper.call(port, reply, turn.thread));
        else await this.guarded(turn, port, () => this.send(() => port.top(reply)));
        return;
      }
      case "new-thread":
        await this.newThread(turn, port, reply, depth);
        return;
      default:
        return reply.placement satisfies never;
    }
  }

  /** A permanent "cannot post here" failure is explained to the person instead of thrown. */
  private async guarded<T extends Posted>(
    turn: Turn,
    port: DeliveryPort,
    call: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof DeliveryError) || !CANNOT_POST.has(error.code)) throw error;
      this.options.log.warn({ code: error.code, conversation: turn.conversation }, "cannot post here");
      const notice = this.hooks.cannotPost(error.code);
      const { private: whisper } = port;
      if (whisper) await this.send(() => whisper.call(port, notice, turn.thread));
      return undefined;
    }
  }

  /**
   * The pressed message is replaced (a confirmation such as "answered by …"); if that is not
   * possible it is posted instead. Its failure is logged, not fatal: the next card matters more.
   */
  private async replace(turn: Turn, port: DeliveryPort, reply: Reply, depth: number): Promise<void> {
    const pressed = depth === 0 ? (port.pressed ?? reply.replaces) : undefined;
    try {
      if (pressed) {
        try {
          await this.send(() => port.replace(pressed, reply));
          return;
        } catch (error) {
          this.options.log.warn({ err: error }, "replacing the pressed message failed; posting instead");
        }
      }
      await this.here(turn, port, reply);
    } catch (error) {
      this.options.log.warn({ err: error }, "could not show the pressed message's confirmation");
    }
  }

  /** A walkthrough card: posted publicly in its thread, recorded as shown, or replaced by "Continue". */
  private async step(turn: Turn, port: DeliveryPort, reply: Reply): Promise<void> {
    const where: Turn = { ...turn };
    if (reply.thread) where.thread = reply.thread;
    else delete where.thread;
    let posted: Posted | undefined;
    try {
      posted = await this.guarded(where, port, () => this.send(() => port.post(reply, reply.thread)));
    } catch (error) {
      if (!reply.step) throw error;
      this.options.log.error(
        { err: error, walkthrough: reply.step.walkthroughId },
        "walkthrough card not posted",
      );
      const resume: Action = {
        type: "checklist.resume",
        walkthroughId: reply.step.walkthroughId,
        ...(reply.thread ? { thread: reply.thread } : {}),
      };
      await this.offerContinue(where, port, resume);
      return;
    }
    if (!posted || !reply.step) return;
    try {
      await this.hooks.shown(where, reply.step, posted.ref);
    } catch (error) {
      // Only costs a duplicate card if someone presses an old button; never a dead end.
      this.options.log.warn({ err: error }, "could not record that a walkthrough card was shown");
    }
  }

  private async offerContinue(turn: Turn, port: DeliveryPort, action: Action): Promise<void> {
    try {
      await this.here(turn, port, this.hooks.continueReply(action));
    } catch (error) {
      // The platform refuses everything: an old button in the thread still re-shows the step.
      this.options.log.error({ err: error }, "could not offer a Continue button either");
    }
  }

  /**
   * Posts the root, then runs its `inThread` action in the new thread (its own follow-up turn,
   * not a new turn of the person's: no rate limit) and delivers that in turn. If the thread's
   * first step cannot be made (the store is down), the person gets a "Continue" button for it.
   */
  private async newThread(turn: Turn, port: DeliveryPort, reply: Reply, depth: number): Promise<void> {
    const root = await this.guarded(turn, port, () =>
      withRetry(() => port.root(reply), this.options.retry, this.options.sleep),
    );
    if (!root || !reply.inThread) return;
    if (depth >= MAX_FOLLOW_UPS) {
      this.options.log.error({ action: reply.inThread.type, depth }, "follow-up chain too long; stopped");
      return;
    }
    const next: Turn = { ...turn, via: "action", action: reply.inThread };
    delete next.text;
    if (root.thread) next.thread = root.thread;
    else delete next.thread;
    let replies: Reply[];
    try {
      replies = await withRetry(() => this.hooks.followUp(next), this.options.retry, this.options.sleep);
    } catch (error) {
      this.options.log.error({ err: error, action: reply.inThread.type }, "follow-up failed");
      const action = reply.inThread;
      await this.offerContinue(
        next,
        port,
        action.type === "checklist.begin" && root.thread ? { ...action, thread: root.thread } : action,
      );
      return;
    }
    await this.deliver(next, port, replies, depth + 1);
  }
}
