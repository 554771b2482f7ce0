import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index';
import type { WizardStep } from '../src/index';

// One name per step everywhere: the machine's step is the name of its hook (`use` + the step in
// PascalCase) and of its component (the same, alone or with `Step` / `Dialog`), whose stories sit
// in a file of the component's name; every event of `transition` starts with the step that takes
// it, in capitals. `satisfies` makes a new step fail to compile here until it is named.
const STEPS = {
  'email-code-gate': { wizardOnly: false },
  'two-factor-section': { wizardOnly: false },
  'reset-phone': { wizardOnly: false },
  'add-phone': { wizardOnly: true },
  'phone-entry': { wizardOnly: false },
  'code-verification': { wizardOnly: false },
  'recovery-code': { wizardOnly: false },
  done: { wizardOnly: true },
} satisfies Record<WizardStep, { wizardOnly: boolean }>;

/** The repository root (vitest runs from it; `import.meta.url` is not a file URL under jsdom). */
const ROOT = process.cwd();

const stepNames = Object.keys(STEPS) as WizardStep[];
const exportsByName = library as Record<string, unknown>;

function pascal(step: string): string {
  return step.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter, offset: number) => (offset > 0 ? '-' : '') + letter.toLowerCase());
}

describe('step names', () => {
  it.each(stepNames.filter((step) => !STEPS[step].wizardOnly))('%s has a hook and a component of its name, with stories', (step) => {
    expect(typeof exportsByName[`use${pascal(step)}`]).toBe('function');
    const component = ['', 'Step', 'Dialog'].map((suffix) => pascal(step) + suffix).find((name) => name in exportsByName);
    expect(component, `a component named ${pascal(step)}[Step|Dialog]`).toBeDefined();
    expect(existsSync(resolve(ROOT, `stories/${kebab(component!)}.stories.tsx`))).toBe(true);
  });

  it('names every event of the machine by the step that takes it', () => {
    const source = readFileSync(resolve(ROOT, 'src/core/machine.ts'), 'utf8');
    const eventTypes = [...new Set([...source.matchAll(/type: '([A-Z_]+)\.([A-Z_]+)'/g)].map((match) => match[1] ?? ''))];
    const stepPrefixes = new Set(stepNames.map((step) => step.toUpperCase().replaceAll('-', '_')));
    // The one event every step takes is named by what it does.
    const unnamed = eventTypes.filter((prefix) => !stepPrefixes.has(prefix) && prefix !== 'REVERIFICATION');
    expect(eventTypes.length).toBeGreaterThan(5);
    expect(unnamed).toEqual([]);
  });

  it('starts where the machine starts', () => {
    expect(library.initialWizardState.step).toBe('email-code-gate');
  });
});
