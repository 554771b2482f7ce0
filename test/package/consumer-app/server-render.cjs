// Loads the installed package through require() in a plain Node process (no DOM) and
// server-renders the wizard. Prints one JSON report on stdout for the test to check.
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self'];
const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
const domGlobalsBefore = DOM_GLOBALS.filter((name) => name in globalThis);
const consoleOutput = [];
for (const level of ['error', 'warn', 'log', 'info', 'debug']) {
  console[level] = (...args) => consoleOutput.push(`${level}: ${args.map(String).join(' ')}`);
}

// Headless first, on its own, to see what it loads: no Radix, no styled components, no CSS.
const headless = require('react-2fa-phone/headless');
const loadedByHeadless = Object.keys(require.cache);

const { createElement } = require('react');
const { renderToString } = require('react-dom/server');
const main = require('react-2fa-phone');
const locales = { es: require('react-2fa-phone/locales/es'), de: require('react-2fa-phone/locales/de') };

const adapter = main.createMockAdapter({ code: '123456' });
let html = '';
let gateHtml = '';
let renderError = null;
try {
  html = renderToString(createElement(main.TwoFactorPhoneWizard, { adapter, onComplete() {} }));
  // The wizard first asks whether the step-up is still fresh, so its server markup is that check;
  // the gate's own markup comes from the standalone component.
  gateHtml = renderToString(createElement(main.EmailCodeGate, { adapter }, 'Settings'));
} catch (error) {
  renderError = String((error && error.stack) || error);
}

// Every CommonJS file of the package loads through require() alone: none of them may require an
// ES module (the test runs this script with require(esm) turned off, as on Node before 20.19).
const { readdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const distDir = dirname(require.resolve('react-2fa-phone'));
const cjsFiles = readdirSync(distDir, { recursive: true }).map(String).filter((file) => file.endsWith('.cjs'));
const unloadableCjs = [];
for (const file of cjsFiles) {
  try {
    require(join(distDir, file));
  } catch (error) {
    unloadableCjs.push(`${relative(distDir, join(distDir, file))}: ${(error && error.code) || String(error)}`);
  }
}

const report = {
  format: 'cjs',
  cjsFileCount: cjsFiles.length,
  unloadableCjs,
  mainExports: Object.keys(main).sort(),
  headlessExports: Object.keys(headless).sort(),
  locales: {
    es: { exports: Object.keys(locales.es).sort(), verify: locales.es.es.verify, sameAsMain: locales.es.es.verify === main.es.verify },
    de: { exports: Object.keys(locales.de).sort(), verify: locales.de.de.verify, sameAsMain: locales.de.de.verify === main.de.verify },
  },
  loadedByHeadless,
  stylesheet: require.resolve('react-2fa-phone/styles.css'),
  html,
  gateHtml,
  renderError,
  adapterCalls: adapter.calls,
  consoleOutput,
  domGlobalsBefore,
  domGlobalsAfter: DOM_GLOBALS.filter((name) => name in globalThis),
  addedGlobals: Object.getOwnPropertyNames(globalThis).filter((name) => !globalsBefore.has(name)),
};
process.stdout.write(JSON.stringify(report));
