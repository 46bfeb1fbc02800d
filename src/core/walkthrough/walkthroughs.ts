import type { Knowledge } from "../../knowledge/load.ts";
import type { StateStore } from "../../store/store.ts";
import { updateKey } from "../../store/update.ts";
import type { Action } from "../action.ts";
import { ANSWER_KEYS, type AnswerKey } from "../decision/contract.ts";
import { decide, parseAnswers } from "../decision/index.ts";
import { reply } from "../replies/common.ts";
import type { Reply } from "../reply.ts";
import type { Turn } from "../turn.ts";
import { answeredCard, controlCard, questionCard } from "./cards.ts";
import { RECENT_LIMIT, type RecentWalkthrough, recentKey } from "./recent.ts";
import { recommendationParts, recommendationReply } from "./recommendationCard.ts";
import {
  answeredValues,
  WALKTHROUGH_TTL_MS,
  type WalkthroughState,
  walkthroughKey,
  walkthroughStateSchema,
  who,
} from "./state.ts";
import { applyPress, newWalkthrough, type Press } from "./transitions.ts";

type Deps = { knowledge: Knowledge; store: StateStore; now: () => number; newId: () => string };

/** Threaded checklist walkthroughs: start, answer, go back, restart, cancel, share. */
export class Walkthroughs {
  private readonly keys: readonly string[];

  constructor(private readonly deps: Deps) {
    this.keys = deps.knowledge.decision.checklist.map((q) => q.key);
  }

  /** The root message of a new walkthrough thread; the adapter then runs `checklist.begin` inside it. */
  startReply(turn: Turn): Reply {
    const by = turn.user.name ?? turn.user.id;
    const text = `🧭 **Decision checklist** started by ${by}: ${this.keys.length} questions, one at a time in this thread, ending in a recommendation. Anyone in the thread can answer.`;
    return reply("checklist", [{ type: "text", text }], `Decision checklist started by ${by}`, {
      placement: "new-thread",
      inThread: { type: "checklist.begin" },
    });
  }

  async begin(turn: Turn): Promise<Reply[]> {
    const key = walkthroughKey(turn);
    const now = this.deps.now();
    const outcome = await updateKey<unknown, { state: WalkthroughState; created: boolean }>(
      this.deps.store,
      key,
      WALKTHROUGH_TTL_MS,
      (current) => {
        const existing = current && walkthroughStateSchema.safeParse(current.value);
        if (existing?.success && existing.data.status === "active")
          return { result: { state: existing.data, created: false } };
        const state = newWalkthrough(this.deps.newId(), who(turn.user), now);
        return { value: state, result: { state, created: true } };
      },
    );
    if (outcome.created) await this.remember(turn, outcome.state);
    const card = questionCard(outcome.state, this.deps.knowledge.decision.checklist);
    if (outcome.created) return [card];
    const notice = reply(
      "notice",
      [
        {
          type: "text",
          text: "A checklist is already running in this thread; here is its current question.",
        },
      ],
      "A checklist is already running here",
      { visibility: "private" },
    );
    return [notice, card];
  }

  async press(
    turn: Turn,
    action: Extract<Action, { type: "checklist.answer" | "checklist.control" }>,
  ): Promise<Reply[]> {
    const press: Press =
      action.type === "checklist.answer"
        ? { kind: "answer", walkthroughId: action.walkthroughId, step: action.step, value: action.value }
        : { kind: "control", walkthroughId: action.walkthroughId, step: action.step, op: action.op };
    const { checklist } = this.deps.knowledge.decision;
    // A value that is not one of the question's choices is refused like a stale press.
    if (press.kind === "answer" && press.value !== null) {
      const q = checklist[press.step];
      if (!q?.choices.some((c) => c.value === press.value)) return [this.refusal("stale")];
    }
    const by = who(turn.user);
    const now = this.deps.now();
    const result = await updateKey<unknown, ReturnType<typeof applyPress> | { ok: false; reason: "missing" }>(
      this.deps.store,
      walkthroughKey(turn),
      WALKTHROUGH_TTL_MS,
      (current) => {
        const parsed = current && walkthroughStateSchema.safeParse(current.value);
        if (!parsed?.success) return { result: { ok: false, reason: "missing" } };
        const outcome = applyPress(parsed.data, press, this.keys, by, now, this.deps.newId);
        if (!outcome.ok) return { result: outcome };
        if (outcome.finished) {
          // A provisional result (too few answers) is no recommendation to remember.
          const decision = this.decide(outcome.state);
          if (!decision.provisional) outcome.state.recommendation = decision.recommendation;
        }
        return { value: outcome.state, result: outcome };
      },
    );
    if (!result.ok) return [this.refusal(result.reason)];
    const { state, event } = result;
    const pressed = checklist[action.step]!;
    if (event === "answered") {
      const card = answeredCard(
        pressed,
        press.kind === "answer" ? press.value : null,
        by,
        action.step,
        checklist.length,
      );
      if (!result.finished) return [card, questionCard(state, checklist)];
      await this.remember(turn, state);
      return [
        card,
        recommendationReply(
          this.decide(state),
          state,
          this.deps.knowledge.decision,
          this.deps.knowledge.documents,
        ),
      ];
    }
    const card = controlCard(pressed, event, by);
    if (event === "cancelled") {
      await this.remember(turn, state);
      return [card];
    }
    return [card, questionCard(state, checklist)];
  }

  /** "Share summary to channel": the finished walkthrough's recommendation, posted publicly. */
  async share(turn: Turn, walkthroughId: string): Promise<Reply[]> {
    const current = await this.deps.store.get(walkthroughKey(turn));
    const parsed = current && walkthroughStateSchema.safeParse(current.value);
    if (!parsed?.success || parsed.data.id !== walkthroughId) return [this.refusal("missing")];
    if (parsed.data.status !== "finished") return [this.refusal("stale")];
    const state = parsed.data;
    const parts = recommendationParts(
      this.decide(state),
      state,
      this.deps.knowledge.decision,
      this.deps.knowledge.documents,
    );
    parts.unshift({ type: "context", text: `Checklist summary shared by ${turn.user.name ?? turn.user.id}` });
    return [reply("recommendation", parts, "Checklist summary", { placement: "channel" })];
  }

  /** The user's most recent walkthroughs, newest first (for the Slack App Home). */
  async recent(platform: Turn["platform"], userId: string): Promise<RecentWalkthrough[]> {
    const stored = await this.deps.store.get<RecentWalkthrough[]>(recentKey(platform, userId));
    return stored?.value ?? [];
  }

  private decide(state: WalkthroughState) {
    return decide(parseAnswers(answeredValues(state)), this.deps.knowledge.decision);
  }

  /** Keeps the walkthrough in the recent lists of whoever started it and whoever moved it on. */
  private async remember(turn: Turn, state: WalkthroughState): Promise<void> {
    const entry: RecentWalkthrough = {
      id: state.id,
      conversation: turn.conversation,
      ...(turn.thread ? { thread: turn.thread } : {}),
      status: state.status,
      startedAt: state.startedAt,
      answered: ANSWER_KEYS.filter((k: AnswerKey) => typeof state.answers[k] === "string").length,
      ...(state.recommendation ? { recommendation: state.recommendation } : {}),
    };
    for (const userId of new Set([state.startedBy.id, turn.user.id])) {
      await updateKey<RecentWalkthrough[], void>(
        this.deps.store,
        recentKey(turn.platform, userId),
        WALKTHROUGH_TTL_MS,
        (current) => ({
          value: [entry, ...(current?.value ?? []).filter((w) => w.id !== entry.id)].slice(0, RECENT_LIMIT),
          result: undefined,
        }),
      );
    }
  }

  private refusal(reason: "stale" | "finished" | "cancelled" | "missing"): Reply {
    const e = this.deps.knowledge.responses.errors;
    const text =
      {
        stale: e.staleAction,
        finished: e.walkthroughFinished,
        cancelled: e.walkthroughCancelled,
        missing: e.walkthroughMissing,
      }[reason] ?? "That button no longer changes anything.";
    return reply("notice", [{ type: "text", text }], text, { visibility: "private" });
  }
}
