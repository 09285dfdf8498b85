export type {
  ContainerCommands,
  InitScriptInputs,
  RunnerScriptInputs,
  SidecarScriptInputs,
  SystemPaths,
  ViewInputs,
} from './inputs.ts';
export { initScript } from './initScript.ts';
export { batchFileText, FOLLOWER_RETRY_SECONDS, runnerScript } from './runnerScript.ts';
export { batchProgram } from '../../common/scripts/lines.ts';
export { sidecarScript, SOCKET_WAIT_INTERVAL_SECONDS, SOCKET_WAIT_SECONDS } from './sidecarScript.ts';
export { isShellName, unescapeScriptText } from './parts.ts';
export { DEFAULT_SYSTEM_PATHS } from './paths.ts';
export { ansiCQuote, commentText, hereDocDelimiter, quotedHereDoc, shellQuote, shellWord } from '../../common/scripts/shellQuote.ts';
