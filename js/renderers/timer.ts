import { bool, num } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * `gr.Timer`: draws nothing, emits `tick` every `value` seconds while `active`.
 * A tick that comes while its listener still runs is dropped by the listener's
 * trigger mode, so a slow function never piles up runs.
 */
export const timer: Renderer = (context): ComponentView => {
  let interval: number | undefined;
  let seconds: number | null = null;
  let running = false;

  const stop = (): void => {
    if (interval !== undefined) window.clearInterval(interval);
    interval = undefined;
  };

  return {
    element: null,
    update(props) {
      const next = num(props, "value");
      const active = bool(props, "active", true) && next !== null && next > 0;
      if (active === running && next === seconds) return;
      stop();
      seconds = next;
      running = active;
      if (active && next !== null) interval = window.setInterval(() => context.emit("tick"), next * 1000);
    },
    getValue: () => seconds,
    destroy: stop,
  };
};
