// Fixed answers for calls the stand-in library (component-library.ts) does not answer itself, such
// as `search` and `passages`: a component test imports this module before the component and puts
// the answers, by call name, in `window.qalamAnswers`. Every other call goes to the stand-in.
import type { RecordedCall } from './component-library.js';

type Bridge = Record<string, (input: unknown) => Promise<unknown>>;

declare global {
  interface Window {
    qalamAnswers?: Record<string, unknown>;
  }
}

const library = (window as unknown as { qalam: Bridge }).qalam;

(window as unknown as { qalam: Bridge }).qalam = new Proxy({} as Bridge, {
  get: (_target, name) => {
    const answer = window.qalamAnswers?.[String(name)];
    if (answer === undefined) return library[String(name)];
    return async (input: unknown) => {
      const call: RecordedCall = { name: String(name), input: (input ?? {}) as Record<string, unknown> };
      window.qalamCalls?.push(call);
      return { ok: true, value: structuredClone(answer) };
    };
  },
});
