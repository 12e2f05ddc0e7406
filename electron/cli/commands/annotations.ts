import type { Command } from '../command.js';

export const annotationCommands: Command[] = [];
