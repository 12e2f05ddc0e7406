// The renderer's entry, kept small on purpose: it starts the first screen's calls to the server,
// then loads the app (React and the views) as a second chunk. The server works on the first rows
// while that chunk downloads and starts, and the library's first rows are drawn as soon as they
// arrive (boot/firstScreen.ts), instead of after the app has started.
import { startFirstScreen } from './boot/firstScreen.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
// The library's styles come with the entry: the first rows may be drawn before the app loads.
import './features/library/library.css';

performance.mark('qalam:entry');
// The app's code downloads meanwhile (the page preloads it); only running it waits.
void startFirstScreen(window.location.hash, document.getElementById('root')).then(() => import('./app/mount.js'));
