import type { Command } from '../command.js';

export const exchangeCommands: Command[] = [];
