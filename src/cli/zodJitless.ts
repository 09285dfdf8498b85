/**
 * zod compiles a fast parser for each object schema with `new Function` on its first parse. A
 * run of the CLI parses a few specs and ends: the compiling costs more than it saves, and code
 * made that way is not in the code cache. Imported by main.ts before the core, whose schemas
 * read the setting when they are built.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
