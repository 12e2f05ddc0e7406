// The app's start: React renders the shell into the page (loaded by main.tsx after the first
// screen's calls are on their way).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appTakesOver } from '../boot/firstScreen.js';
import { App } from './App.js';

performance.mark('qalam:app-start');
// React's first render replaces the first screen, if one was drawn, in a single commit.
appTakesOver();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
