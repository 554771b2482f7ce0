// @vitest-environment node
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The API report: every name each entry point exports, with its kind, read by the TypeScript
 * compiler from the sources and compared with the committed `public-api.json`. An export added,
 * removed or changed in kind by accident fails `npm test`. When the change is meant, update the
 * report with `npx vitest run --project unit test/public-api.test.ts -u`, commit it, and say so
 * in CHANGELOG.md. Internals that tests need are imported from their modules, not exported.
 *
 * It also checks that every exported value carries its JSDoc into the declarations: the bindings
 * in `src/deferred-exports.ts`, `src/deferred-copy.ts` and `src/deferred-locales.ts` are consts of
 * their own (see those files), so each repeats the JSDoc of what it binds, word for word.
 */

const ENTRY_POINTS = {
  'react-2fa-phone': 'src/index.ts',
  'react-2fa-phone/headless': 'src/headless.ts',
} as const;

const root = fileURLToPath(new URL('..', import.meta.url));

let program: ts.Program;
let checker: ts.TypeChecker;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.build.json`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.build.json did not parse');
  program = ts.createProgram(
    Object.values(ENTRY_POINTS).map((path) => `${root}${path}`),
    { ...config.options, noEmit: true },
  );
  checker = program.getTypeChecker();
});

function exportsOf(path: string): ts.Symbol[] {
  const source = program.getSourceFile(`${root}${path}`);
  if (!source) throw new Error(`${path} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${path} has no module symbol`);
  return checker.getExportsOfModule(moduleSymbol);
}

/** The declaration an export finally names (through re-exports). */
function resolve(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function kindOf(symbol: ts.Symbol): string {
  const flags = resolve(symbol).flags;
  const kinds: string[] = [];
  if (flags & ts.SymbolFlags.Class) kinds.push('class');
  else if (flags & ts.SymbolFlags.Function) kinds.push('function');
  else if (flags & ts.SymbolFlags.Variable) kinds.push('const');
  if (flags & ts.SymbolFlags.Interface) kinds.push('interface');
  if (flags & ts.SymbolFlags.TypeAlias) kinds.push('type');
  if (flags & ts.SymbolFlags.Enum) kinds.push('enum');
  return kinds.join(' + ') || 'unknown';
}

function isValue(symbol: ts.Symbol): boolean {
  return (resolve(symbol).flags & ts.SymbolFlags.Value) !== 0;
}

function docOf(symbol: ts.Symbol): string {
  return ts.displayPartsToString(resolve(symbol).getDocumentationComment(checker)).trim();
}

describe('the public API', () => {
  it('matches the committed report, entry point by entry point', async () => {
    const report: Record<string, Record<string, string>> = {};
    for (const [entry, path] of Object.entries(ENTRY_POINTS)) {
      const names = exportsOf(path)
        .map((symbol) => [symbol.name, kindOf(symbol)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      report[entry] = Object.fromEntries(names);
    }
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('./public-api.json');
  });

  it('exports the components, hooks, adapters and error DESIGN.md promises, and no step internals', () => {
    const main = new Set(exportsOf(ENTRY_POINTS['react-2fa-phone']).map((symbol) => symbol.name));
    for (const name of [
      'TwoFactorPhoneWizard',
      'EmailCodeGate',
      'TwoFactorSection',
      'ResetPhoneDialog',
      'PhoneEntryStep',
      'CodeVerificationStep',
      'RecoveryCodeStep',
      'CodeInput',
      'TwoFactorProvider',
      'useTwoFactorPhoneWizard',
      'useEmailCodeGate',
      'useTwoFactorSection',
      'useResetPhone',
      'usePhoneEntry',
      'useCodeVerification',
      'useRecoveryCode',
      'createMockAdapter',
      'createFetchAdapter',
      'TwoFactorError',
    ]) {
      expect(main.has(name), name).toBe(true);
    }
    for (const internal of ['TwoFactorSectionView', 'ConfirmationDialog', 'useRequest', 'useTwoFactorAdapter', 'sanitizeCode']) {
      expect(main.has(internal), internal).toBe(false);
    }
    // No styled component in the headless entry: its only capitalised values are the provider and
    // the error codes.
    const headlessComponents = exportsOf(ENTRY_POINTS['react-2fa-phone/headless'])
      .filter((symbol) => /^[A-Z]/.test(symbol.name) && ['function', 'const'].includes(kindOf(symbol)))
      .map((symbol) => symbol.name);
    expect(headlessComponents.sort()).toEqual(['TWO_FACTOR_ERROR_CODES', 'TwoFactorProvider']);
  });

  it('documents every exported value, and the deferred bindings repeat the JSDoc of what they bind', () => {
    const undocumented: string[] = [];
    const drifted: string[] = [];
    for (const path of Object.values(ENTRY_POINTS)) {
      for (const symbol of exportsOf(path)) {
        if (!isValue(symbol)) continue;
        const doc = docOf(symbol);
        if (doc === '') undocumented.push(`${path}: ${symbol.name}`);
        const declaration = resolve(symbol).valueDeclaration;
        const file = declaration?.getSourceFile().fileName ?? '';
        if (!declaration || !/src\/deferred-(?:exports|copy|locales)\.ts$/.test(file)) continue;
        // `export const X = same(Y)`: Y's own JSDoc must be X's too, or hovering X says less.
        const initializer = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
        const argument = initializer && ts.isCallExpression(initializer) ? initializer.arguments[0] : undefined;
        const bound = argument ? checker.getSymbolAtLocation(argument) : undefined;
        if (!bound) throw new Error(`${symbol.name} in ${file} is not \`same(imported)\``);
        const original = docOf(bound);
        if (original !== doc) drifted.push(`${symbol.name}: copy the JSDoc of its source into ${file}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(drifted).toEqual([]);
  });
});
