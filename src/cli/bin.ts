/**
 * Process entry of the bundled CLI (`dist-cli/minicluster-gen.cjs`), which `bin/minicluster-gen.js`
 * loads as a script (with V8's code cache) and then calls `main`.
 */
import { answerWithoutInput } from './answers.ts';
import { parseArgs } from './args.ts';
import type { CliIo } from './main.ts';
import { raiseOptimisationBudget } from './optimisationBudget.ts';
import { descriptorWriter } from './standardOutput.ts';
import { systemReason } from './systemReason.ts';

/** Standard output that cannot be written (a full disk): like an output folder that cannot be. */
const EXIT_UNWRITABLE = 2;

export async function main(argv: readonly string[]): Promise<void> {
  let outputFailed = false;
  // Nowhere left to say anything when standard error fails.
  const stderr = descriptorWriter(2, () => process.stderr, { onFault: () => {} });
  // A reader that goes away (`minicluster-gen -f big.yaml | head -1`) ends the output, not the run,
  // and says nothing. Files that --output-dir is writing are still written when only the "wrote"
  // lines have no reader.
  const stdout = descriptorWriter(1, () => process.stdout, {
    onFault: (error) => {
      if (!outputFailed) stderr(`minicluster-gen: cannot write standard output: ${systemReason(error)}\n`);
      outputFailed = true;
      process.exitCode = EXIT_UNWRITABLE;
    },
  });

  const io: CliIo = {
    stdout,
    stderr,
    readStdin: () => process.stdin,
    severalInputs: raiseOptimisationBudget,
  };
  const answer = quickAnswer(argv);
  let code = 0;
  if (answer !== undefined) io.stdout(answer);
  // The rest of the CLI and the core are started only for a run that reads input (in the bundle,
  // a module reached by import() is run when it is imported).
  else code = await (await import('./main.ts')).runGuarded(argv, io);
  process.exitCode = outputFailed ? EXIT_UNWRITABLE : code;
}

/** --help, --version or --schema alone: answered without the core. Anything else (a fault too) goes to runCli. */
function quickAnswer(argv: readonly string[]): string | undefined {
  try {
    return answerWithoutInput(parseArgs(argv));
  } catch {
    return undefined;
  }
}
