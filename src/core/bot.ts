import { createHash, randomUUID } from "node:crypto";
import type { Knowledge } from "../knowledge/load.ts";
import { type StateStore, StoreUnavailableError } from "../store/store.ts";
import { ConflictError } from "../store/update.ts";
import type { Action } from "./action.ts";
import type { ExplainSink } from "./ask.ts";
import { Insights } from "./insights.ts";
import { buildQuestionAnswering, type QuestionAnswering } from "./questions.ts";
import { RateLimiter } from "./rateLimit.ts";
import { answerReply, askReply, helpReply } from "./replies/answers.ts";
import { type BrowseContext, compareReply, mythsReply, topicsReply } from "./replies/browse.ts";
import { reply } from "./replies/common.ts";
import type { Reply } from "./reply.ts";
import { parseCommand } from "./router.ts";
import { computeStats, statsReply } from "./stats.ts";
import type { Turn } from "./turn.ts";
import { Walkthroughs } from "./walkthrough/walkthroughs.ts";

export interface BotDeps {
  knowledge: Knowledge;
  store: StateStore;
  now?: () => number;
  newId?: () => string;
  /** Turns per user per minute (RATE_LIMIT_PER_MINUTE); unset = no limit. */
  rateLimitPerMinute?: number;
  /** Gets the matcher's explanation of every question (the server logs it at debug level). */
  onExplain?: ExplainSink;
}

const FEEDBACK_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** One vote per person needs a stable key per person, not their id: store a one-way hash. */
const pseudonym = (userId: string) => createHash("sha256").update(userId).digest("hex").slice(0, 16);

/**
 * The platform-neutral core: one entry point, `handle(turn)`, that every adapter calls with
 * what a person did and renders the replies it returns. It imports no platform SDK.
 */
export class Bot {
  readonly qa: QuestionAnswering;
  readonly walkthroughs: Walkthroughs;
  readonly insights: Insights;
  private readonly browse: BrowseContext;
  private readonly knowledge: Knowledge;
  private readonly store: StateStore;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly limiter: RateLimiter | undefined;

  constructor(deps: BotDeps) {
    this.knowledge = deps.knowledge;
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => randomUUID().slice(0, 18));
    this.limiter = deps.rateLimitPerMinute ? new RateLimiter(deps.rateLimitPerMinute, this.now) : undefined;
    this.qa = buildQuestionAnswering(deps.knowledge, undefined, deps.onExplain);
    this.insights = new Insights(deps.store, this.now);
    this.walkthroughs = new Walkthroughs({
      knowledge: deps.knowledge,
      store: deps.store,
      now: this.now,
      newId: this.newId,
    });
    const topicOf = new Map(deps.knowledge.faq.map((e) => [e.id, e.topic]));
    this.browse = {
      documents: deps.knowledge.documents,
      responses: deps.knowledge.responses,
      compare: deps.knowledge.compare,
      topics: deps.knowledge.topics,
      myths: deps.knowledge.myths,
      entries: this.qa.entries,
      topicOf: (id) => topicOf.get(id),
    };
  }

  /** Handles one turn. Expected outcomes (no match, stale button) are replies; only faults throw. */
  async handle(turn: Turn): Promise<Reply[]> {
    // Checked before any work, on every surface. `checklist.begin` is the second half of the
    // person's own "checklist" turn (run by the adapter in the new thread), so it is not counted.
    if (this.limiter && turn.action?.type !== "checklist.begin") {
      if (!this.limiter.take(`${turn.platform}:${turn.user.id}`))
        return [this.notice(this.knowledge.responses.errors.rateLimited)];
    }
    if (turn.action) return this.act(turn, turn.action);
    return this.text(turn, turn.text ?? "");
  }

  /** What to tell the user when handling failed: the adapter's error hook calls this after logging. */
  errorReply(error: unknown): Reply {
    const e = this.knowledge.responses.errors;
    const transient = error instanceof StoreUnavailableError || error instanceof ConflictError;
    const text = (transient ? e.storeUnavailable : e.internal) ?? "Sorry, something went wrong.";
    return reply("error", [{ type: "text", text }], text, { visibility: "private" });
  }

  private async text(turn: Turn, text: string): Promise<Reply[]> {
    const command = parseCommand(text);
    switch (command.type) {
      case "help":
        return [this.fixed("help", () => helpReply(this.browse))];
      case "compare":
        return [compareReply(this.browse, command.aspect)];
      case "topics":
        return [topicsReply(this.browse, command.topic)];
      case "myths":
        return [this.fixed("myths", () => mythsReply(this.browse))];
      case "checklist":
        return [this.walkthroughs.startReply(turn)];
      case "stats":
        return [await this.statsReply()];
      case "ask":
        return [await this.ask(turn, command.question)];
    }
  }

  private async ask(turn: Turn, question: string): Promise<Reply> {
    const outcome = this.qa.asker.ask(question);
    if (outcome.kind === "answer" || outcome.kind === "no-match" || outcome.kind === "out-of-scope") {
      const askedId = this.newId();
      await this.insights.record({
        type: "question",
        askedId,
        at: this.now(),
        platform: turn.platform,
        question,
        outcome:
          outcome.kind === "answer" ? "answered" : outcome.kind === "no-match" ? "suggested" : "declined",
        confidence: outcome.confidence,
        ...(outcome.kind === "answer" ? { entryId: outcome.entry.id } : {}),
        ...(outcome.kind === "no-match" ? { suggestions: outcome.suggestions.map((s) => s.id) } : {}),
      });
      return askReply(outcome, this.qa.context, askedId);
    }
    return askReply(outcome, this.qa.context);
  }

  private async act(turn: Turn, action: Action): Promise<Reply[]> {
    switch (action.type) {
      case "ask": {
        const entry = this.qa.asker.entry(action.entryId);
        if (!entry) return [this.notice(this.knowledge.responses.errors.unknownEntry)];
        if (action.via === "suggestion" && action.askedId) {
          await this.insights.record({
            type: "pick",
            askedId: action.askedId,
            at: this.now(),
            entryId: entry.id,
          });
        }
        return [answerReply(entry, this.qa.context, action.askedId)];
      }
      case "feedback":
        return [await this.feedback(turn, action)];
      case "compare":
        return [compareReply(this.browse, action.aspect)];
      case "topics":
        return [topicsReply(this.browse, action.topic)];
      case "myths":
        return [this.fixed("myths", () => mythsReply(this.browse))];
      case "help":
        return [this.fixed("help", () => helpReply(this.browse))];
      case "checklist.start":
        return [this.walkthroughs.startReply(turn)];
      case "checklist.begin":
        return this.walkthroughs.begin(turn);
      case "checklist.answer":
      case "checklist.control":
        return this.walkthroughs.press(turn, action);
      case "share":
        if (action.walkthroughId) return this.walkthroughs.share(turn, action.walkthroughId);
        return [this.shareEntry(turn, action.entryId)];
    }
  }

  /** One vote per person per answer: a second press (or a replayed one) records nothing new. */
  private async feedback(turn: Turn, action: Extract<Action, { type: "feedback" }>): Promise<Reply> {
    if (!this.qa.asker.entry(action.entryId))
      return this.notice(this.knowledge.responses.errors.unknownEntry);
    const first = await this.store.claim(
      `feedback:${turn.platform}:${pseudonym(turn.user.id)}:${action.entryId}:${action.askedId ?? "-"}`,
      FEEDBACK_TTL_MS,
    );
    if (!first) return this.notice("You have already rated this answer. Thanks!");
    await this.insights.record({
      type: "feedback",
      at: this.now(),
      entryId: action.entryId,
      vote: action.vote,
      ...(action.askedId ? { askedId: action.askedId } : {}),
    });
    return this.notice(
      action.vote === "up"
        ? "Thanks for the feedback! 👍"
        : "Thanks, noted 👎. Maintainers review low-rated answers; try rephrasing or `topics` meanwhile.",
    );
  }

  private shareEntry(turn: Turn, entryId: string | undefined): Reply {
    const entry = entryId ? this.qa.asker.entry(entryId) : undefined;
    if (!entry) return this.notice(this.knowledge.responses.errors.unknownEntry);
    const answer = answerReply(entry, this.qa.context);
    const parts = answer.parts.filter((p) => !(p.type === "buttons" && p.role === "feedback"));
    parts.unshift({
      type: "context",
      text: `Shared by ${turn.user.name ?? turn.user.id}: “${entry.question}”`,
    });
    return { ...answer, parts, placement: "channel" };
  }

  private async statsReply(): Promise<Reply> {
    return statsReply(computeStats(await this.insights.read(), this.qa.stems));
  }

  /**
   * Replies that depend on nothing but the knowledge (help, myths) are built once and shared,
   * so renderers can cache their output per reply object too. Callers must not mutate them.
   */
  private readonly fixedReplies = new Map<string, Reply>();
  private fixed(key: string, build: () => Reply): Reply {
    let r = this.fixedReplies.get(key);
    if (!r) {
      r = build();
      this.fixedReplies.set(key, r);
    }
    return r;
  }

  private notice(text: string | undefined): Reply {
    const t = text ?? "Done.";
    return reply("notice", [{ type: "text", text: t }], t, { visibility: "private" });
  }
}
