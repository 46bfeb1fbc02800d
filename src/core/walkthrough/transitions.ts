import { askedSteps, type WalkthroughState } from "./state.ts";

export type Press =
  | { kind: "answer"; walkthroughId: string; step: number; value: string | null }
  | { kind: "control"; walkthroughId: string; step: number; op: "back" | "restart" | "cancel" };

export type PressOutcome =
  | {
      ok: true;
      state: WalkthroughState;
      event: "answered" | "back" | "restarted" | "cancelled";
      finished: boolean;
    }
  | { ok: false; reason: "stale" | "finished" | "cancelled"; state: WalkthroughState };

/**
 * The walkthrough's state machine, pure: a press either moves the state on or is refused.
 * A press is only accepted for the walkthrough and step it was shown for, so an older
 * button, a replayed press or a press from another thread changes nothing.
 */
export function applyPress(
  state: WalkthroughState,
  press: Press,
  questionKeys: readonly string[],
  by: { id: string; name?: string },
  now: number,
  newId: () => string,
): PressOutcome {
  const refuse = (reason: "stale" | "finished" | "cancelled") => ({ ok: false as const, reason, state });
  if (press.walkthroughId !== state.id) return refuse("stale");
  if (state.status === "finished") return refuse("finished");
  if (state.status === "cancelled") return refuse("cancelled");
  if (press.step !== state.step) return refuse("stale");
  const key = questionKeys[state.step];
  if (key === undefined) return refuse("finished");
  const rev = state.rev + 1;
  // A walkthrough filled in from a description asks only some questions.
  const steps = askedSteps(state, questionKeys);

  if (press.kind === "answer") {
    const step = steps.find((i) => i > state.step) ?? questionKeys.length;
    const finished = step >= questionKeys.length;
    return {
      ok: true,
      event: "answered",
      finished,
      state: {
        ...state,
        step,
        status: finished ? "finished" : "active",
        answers: { ...state.answers, [key]: press.value },
        history: [...state.history, { step: state.step, key, value: press.value, by, at: now }],
        updatedAt: now,
        rev,
      },
    };
  }
  switch (press.op) {
    case "back": {
      const step = steps.filter((i) => i < state.step).pop();
      if (step === undefined) return refuse("stale");
      const answers = { ...state.answers };
      delete answers[questionKeys[step]!];
      // The history is the path to the current question: the undone answer leaves it too, so a
      // step is recorded once however often someone goes back and answers again.
      const history = state.history.filter((h) => h.step < step);
      return {
        ok: true,
        event: "back",
        finished: false,
        state: { ...state, step, answers, history, updatedAt: now, rev },
      };
    }
    case "restart": {
      // A new id makes every button of the earlier run stale. A restart asks every question,
      // also those a description had answered.
      const { prefilled: _p, ask: _a, ...rest } = state;
      return {
        ok: true,
        event: "restarted",
        finished: false,
        state: {
          ...rest,
          id: newId(),
          step: 0,
          answers: {},
          history: [],
          status: "active",
          updatedAt: now,
          rev,
        },
      };
    }
    case "cancel":
      return {
        ok: true,
        event: "cancelled",
        finished: false,
        state: { ...state, status: "cancelled", updatedAt: now, rev },
      };
  }
}

/** Answers taken from a description, and the keys to ask (absent: every key not answered). */
export interface Prefill {
  answers: Record<string, string>;
  ask?: string[];
}

export function newWalkthrough(
  id: string,
  by: { id: string; name?: string },
  now: number,
  prefill?: Prefill,
  questionKeys: readonly string[] = [],
): WalkthroughState {
  const state: WalkthroughState = {
    schema: 1,
    id,
    status: "active",
    step: 0,
    answers: {},
    history: [],
    startedBy: by,
    startedAt: now,
    updatedAt: now,
    rev: 0,
  };
  if (!prefill) return state;
  const ask = prefill.ask ?? questionKeys.filter((k) => !(k in prefill.answers));
  // Nothing left to ask: the whole checklist, as `checklist` would.
  if (ask.length === 0) return state;
  const answers = { ...prefill.answers };
  for (const k of ask) delete answers[k];
  const withPrefill = { ...state, answers, prefilled: Object.keys(answers), ask };
  return { ...withPrefill, step: askedSteps(withPrefill, questionKeys)[0] ?? 0 };
}
