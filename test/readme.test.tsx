import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { render, screen } from '@testing-library/react';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as library from '../src';
import { TwoFactorError, createMockAdapter, en } from '../src';
import type { FetchAdapterOptions, TwoFactorAdapter } from '../src';

/**
 * The README's examples are run, so they cannot rot. Every ```ts and ```tsx block is a complete
 * module, written as a host app would write it: each is type-checked against the source (with
 * `react-2fa-phone` mapped to src/index.ts), and the usage example is rendered. A fragment that
 * cannot stand alone must use another fence (```ts-snippet) so it does not look runnable; a
 * JavaScript or TypeScript block under any other name fails this test.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
  /** 1-based README line of the block's first code line. */
  line: number;
  /** The `##`/`###` heading the block sits under. */
  section: string;
}

function readmeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const heading = /^#{2,3}\s+(.*)$/.exec(text);
    if (heading) section = heading[1] ?? '';
    const fence = /^```(\S*)/.exec(text);
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end += 1;
    blocks.push({ lang: fence[1] ?? '', code: lines.slice(start, end).join('\n'), line: start + 1, section });
    index = end;
  }
  return blocks;
}

const blocks = readmeBlocks(readme);
const checked = blocks.filter((block) => block.lang === 'ts' || block.lang === 'tsx');

function blockFile(index: number, block: Block): string {
  return resolve(root, `readme-block-${index}.${block.lang}`);
}

interface Diagnostic {
  /** 0-based line in the checked file, when the diagnostic has a place. */
  line?: number;
  column?: number;
  message: string;
}

/** Type-checks `files` (virtual paths → source) as one program; returns each file's diagnostics. */
function typeCheck(files: Map<string, string>): Map<string, Diagnostic[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json did not parse');
  const stylesStub = resolve(root, 'readme-styles-stub.d.ts');
  const virtual = new Map(files);
  virtual.set(stylesStub, 'export {};\n');
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    // An example may declare a value only to show how it is made (`const adapter = …`).
    noUnusedLocals: false,
    noUnusedParameters: false,
    // A host app's view: no Node, Vite or test-runner globals.
    types: [],
    paths: { 'react-2fa-phone': [resolve(root, 'src/index.ts')], 'react-2fa-phone/styles.css': [stylesStub] },
  };
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const toDiagnostic = (diagnostic: ts.Diagnostic): Diagnostic => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return { message };
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return { line, column: character + 1, message };
  };
  const programWide = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(toDiagnostic);
  const result = new Map<string, Diagnostic[]>();
  for (const fileName of files.keys()) {
    const sourceFile = program.getSourceFile(fileName);
    if (!sourceFile) throw new Error(`${fileName} is not in the program`);
    const own = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    result.set(fileName, [...programWide, ...own.map(toDiagnostic)]);
  }
  return result;
}

/** Runs a block as a CommonJS module whose imports come only from `modules`; returns its exports. */
function evaluate(block: Block, modules: Record<string, unknown>): Record<string, unknown> {
  const { outputText } = ts.transpileModule(block.code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
    },
    fileName: `readme-block.${block.lang}`,
  });
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    if (!(id in modules)) throw new Error(`The README block at line ${block.line} imports ${id}, which this test does not provide`);
    return modules[id];
  };
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  return module.exports;
}

const hostModules = (libraryModule: Record<string, unknown>): Record<string, unknown> => ({
  'react-2fa-phone': libraryModule,
  'react-2fa-phone/styles.css': {},
  react: React,
  'react/jsx-runtime': jsxRuntime,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('README examples', () => {
  it('marks every code block as checked TypeScript or as something that is not run', () => {
    expect(checked.length).toBeGreaterThanOrEqual(3);
    const unchecked = blocks.filter((block) => /^(js|jsx|mjs|cjs|javascript|typescript)$/i.test(block.lang) || block.lang === '');
    expect(unchecked.map((block) => `line ${block.line}: \`\`\`${block.lang}`)).toEqual([]);
  });

  it('type-checks every ts/tsx block against the source, and the check catches a wrong prop', () => {
    const files = new Map(checked.map((block, index) => [blockFile(index, block), block.code] as const));
    // A canary: without it, a check that resolved nothing or checked nothing would pass too.
    const canary = resolve(root, 'readme-canary.tsx');
    files.set(
      canary,
      [
        "import { TwoFactorPhoneWizard } from 'react-2fa-phone';",
        'export const broken = <TwoFactorPhoneWizard onComplete={() => {}} />;',
      ].join('\n'),
    );

    const diagnostics = typeCheck(files);

    expect(diagnostics.get(canary)?.map((diagnostic) => diagnostic.message).join('\n')).toMatch(
      /Property 'adapter' is missing/,
    );
    const failures = checked.flatMap((block, index) =>
      (diagnostics.get(blockFile(index, block)) ?? []).map(({ line, column, message }) =>
        line === undefined ? `README.md (block at line ${block.line}): ${message}` : `README.md:${block.line + line}:${column} ${message}`,
      ),
    );
    expect(failures).toEqual([]);
  }, 20_000);

  it('renders the usage example, with a mock backend in place of its fetch adapter, up to the email gate', async () => {
    const usage = checked.filter((block) => block.section === 'Usage');
    expect(usage).toHaveLength(1);
    const backend = createMockAdapter({ code: '123456' });
    const createFetchAdapter = vi.fn((_options: FetchAdapterOptions): TwoFactorAdapter => backend);

    const exports = evaluate(usage[0] as Block, hostModules({ ...library, createFetchAdapter }));

    expect(createFetchAdapter).toHaveBeenCalledWith({ baseUrl: '/api/account/2fa' });
    const components = Object.entries(exports).filter(([name, value]) => /^[A-Z]/.test(name) && typeof value === 'function');
    expect(components).toHaveLength(1);
    const [, Component] = components[0] as [string, React.ComponentType];
    render(<Component />);
    expect(await screen.findByRole('heading', { level: 2, name: en.emailGateHeading })).toBeInTheDocument();
    expect(await screen.findByText(en.emailGateSent('j•••@example.com'), { selector: '.tfa-lead' })).toBeInTheDocument();
    expect(screen.getByLabelText(en.emailCodeLabel)).toBeInTheDocument();
    expect(backend.messages.map((message) => message.kind)).toEqual(['email']);
  });

  it('runs the hand-written adapter: answers pass through, 429 with Retry-After becomes rate_limited', async () => {
    const handWritten = checked.filter((block) => block.code.includes('export const adapter: TwoFactorAdapter'));
    expect(handWritten).toHaveLength(1);
    const fetch = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
      if (String(input).endsWith('/status')) {
        return new Response(JSON.stringify({ phone: null, canDisable: true }), { status: 200 });
      }
      return new Response(null, { status: 429, headers: { 'Retry-After': '30' } });
    });
    vi.stubGlobal('fetch', fetch);

    const { adapter } = evaluate(handWritten[0] as Block, hostModules({ ...library })) as { adapter: TwoFactorAdapter };
    const { signal } = new AbortController();

    await expect(adapter.getTwoFactorStatus({ signal })).resolves.toEqual({ phone: null, canDisable: true });
    const failure: unknown = await adapter.sendEmailCode({ signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TwoFactorError);
    expect(failure).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    expect(fetch).toHaveBeenCalledWith('/api/security/2fa/email-code', expect.objectContaining({ method: 'POST', signal }));
  });
});
