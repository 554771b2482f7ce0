import type { HTMLAttributes } from 'react';

/** Heading levels the components may use, so they fit the host page's outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** The default heading level: the flow usually sits under the page's `<h1>`. */
export const DEFAULT_HEADING_LEVEL: HeadingLevel = 2;

/** Keeps an out-of-range level (from untyped callers) inside 2–6. */
export function toHeadingLevel(level: number | undefined): HeadingLevel {
  if (level === undefined || !Number.isFinite(level)) return DEFAULT_HEADING_LEVEL;
  const whole = Math.round(level);
  if (whole <= 2) return 2;
  if (whole >= 6) return 6;
  return whole as HeadingLevel;
}

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  /** Which `<hN>` to render. */
  level: HeadingLevel;
  /** Marks the heading the wizard focuses when its step appears. */
  isStepHeading?: boolean;
}

/**
 * A heading at a chosen level. Focusable from script only (`tabIndex={-1}`), so focus can move to
 * it on a step change without adding it to the tab order.
 */
export function Heading({ level, isStepHeading = false, ...props }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag tabIndex={-1} data-tfa-step-heading={isStepHeading ? '' : undefined} {...props} />;
}
