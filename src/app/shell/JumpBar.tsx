/**
 * In the stacked layout (narrow windows and phones, where the objects come after the whole spec
 * column) a bar that stays at the top of the window: the spec and the output are one press away.
 * Buttons, not links: the page's hash carries the share link.
 */
import type { RefObject } from 'react';

export interface JumpBarProps {
  spec: RefObject<HTMLElement | null>;
  output: RefObject<HTMLElement | null>;
}

function jumpTo(target: RefObject<HTMLElement | null>): void {
  const element = target.current;
  if (!element) return;
  element.scrollIntoView({ block: 'start' });
  // The keyboard goes on from there too.
  element.focus({ preventScroll: true });
}

export function JumpBar({ spec, output }: JumpBarProps) {
  return (
    <nav className="mcs-jump" aria-label="Parts of the page">
      <button type="button" onClick={() => jumpTo(spec)}>
        Spec
      </button>
      <button type="button" onClick={() => jumpTo(output)}>
        Output
      </button>
    </nav>
  );
}
