/**
 * zod compiles fast object parsers with `new Function` when it can, and probes for that the first
 * time a schema is built. The page's Content-Security-Policy forbids eval, and Chromium reports the
 * probe as a policy violation even though zod catches it. `jitless` turns off the probe and the
 * compiled parsers. Imported first by each entry point, before any schema module runs.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
