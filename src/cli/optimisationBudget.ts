/**
 * V8 optimises a function once it has run a budget of bytecode, compiling it on a background
 * thread. Its default budget suits a page that runs for minutes. A run of this CLI over many
 * inputs is over in a fraction of a second: with the default, a run of 100 specs kept V8 compiling
 * on a second core for about as long as the run itself (some 200 ms on 2 cores), and then waited
 * at exit for compilations it would never use. A budget about four times larger leaves most of
 * those out and still optimises what a long run spends its time in (`npm run bench:cli` measures
 * 100 specs and a thousand).
 *
 * A run of one input ends before V8 would optimise much either way, and loading `node:v8` costs
 * it about a millisecond (the module loads Node's streams), so only a run of several inputs sets it.
 */
export const OPTIMISATION_BUDGET = 250_000;

export function raiseOptimisationBudget(): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(`--interrupt-budget=${OPTIMISATION_BUDGET}`);
}
