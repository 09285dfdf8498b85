/** Include letters, as `fluxoperator-gen -i` takes them, plus `p` for the services Pod. */
export const INCLUDE_LETTERS = {
  c: 'ConfigMaps',
  s: 'Services',
  j: 'Job',
  p: 'services Pod',
  v: 'volumes',
} as const;
export type IncludeLetter = keyof typeof INCLUDE_LETTERS;
export const ALL_INCLUDES = Object.keys(INCLUDE_LETTERS).join('');

