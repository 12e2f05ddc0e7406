import type { Command } from '../command.js';
import { annotationCommands } from './annotations.js';
import { archiveCommands } from './archive.js';
import { exchangeCommands } from './exchange.js';
import { serveCommands } from './serve.js';

/// Every `qalam` subcommand, in the order `qalam --help` lists them.
export const commands: Command[] = [...archiveCommands, ...annotationCommands, ...exchangeCommands, ...serveCommands];
