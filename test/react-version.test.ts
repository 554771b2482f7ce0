import { createElement, useState, version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';

// Which React the suite is meant to run against: the `unit-react18` project (vitest.react18.config.ts)
// sets EXPECTED_REACT_MAJOR; the default projects run the React this package develops with.
const fromEnv: unknown = import.meta.env.EXPECTED_REACT_MAJOR;
const expectedMajor = typeof fromEnv === 'string' ? fromEnv : /\d+/.exec(packageJson.devDependencies.react)?.[0];

function Counter() {
  const [count] = useState(1);
  return createElement('output', null, `count ${count}`);
}

describe('the React the unit suite runs against', () => {
  it('is the expected major version, for react and react-dom alike', () => {
    expect(expectedMajor).toMatch(/^\d+$/);
    expect(reactVersion.split('.')[0]).toBe(expectedMajor);
    expect(reactDomVersion).toBe(reactVersion);
  });

  it('is the same copy of React that Testing Library renders with (hooks work)', () => {
    render(createElement(Counter));
    expect(screen.getByText('count 1')).toBeInTheDocument();
  });
});
