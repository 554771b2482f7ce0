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

const report = {
  format: 'cjs',
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
