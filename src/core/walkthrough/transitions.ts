import type { WalkthroughState } from "./state.ts";

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

  if (press.kind === "answer") {
    const step = state.step + 1;
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
      if (state.step === 0) return refuse("stale");
      const step = state.step - 1;
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
    case "restart":
      // A new id makes every button of the earlier run stale.
      return {
        ok: true,
        event: "restarted",
        finished: false,
        state: {
          ...state,
          id: newId(),
          step: 0,
          answers: {},
          history: [],
          status: "active",
          updatedAt: now,
          rev,
        },
      };
    case "cancel":
      return {
        ok: true,
        event: "cancelled",
        finished: false,
        state: { ...state, status: "cancelled", updatedAt: now, rev },
      };
  }
}

export function newWalkthrough(id: string, by: { id: string; name?: string }, now: number): WalkthroughState {
  return {
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
}
