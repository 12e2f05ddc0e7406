// What browser mode's server needs to put the app's first screen into the page it serves, so a
// fresh page paints the library's first rows from its own HTML, before any script has run. The
// renderer's build provides it (renderer/src/boot/servedFirstScreen.ts, built for Node into
// dist/first-screen/); the server stays ignorant of the markup, and the page's entry module takes
// the screen over (or throws it away when the address names another screen).
import type { CallInput, CallName } from './contract/index.js';

export interface ServedFirstScreen<N extends CallName = CallName> {
  /// The call whose answer the screen shows (the library's first page, as the app asks for it).
  call: { name: N; input: CallInput<N> };
  /// Markup drawn from the call's answer: `root` goes inside the page's `#root` (the screen),
  /// `after` after the guard (the answer itself, for the entry module to hand to the app: it
  /// comes last so the browser can paint the screen before it has read it). Null when the app
  /// would show something else (an empty library gets the welcome screen).
  draw(answer: unknown): { root: string; after: string } | null;
  /// A classic script to run right after `#root` is parsed, before the first paint: it empties
  /// `#root` when the address's hash names another screen. (The server cannot see the hash.)
  guard: string;
}
