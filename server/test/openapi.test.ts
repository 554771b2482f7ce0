import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/app';
import { ERROR_CODES } from '../src/errors';
import { renderOpenApiYaml } from '../scripts/openapi-yaml.mjs';

const committed = readFileSync(fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url)), 'utf8');

describe('docs/openapi.yaml', () => {
  it('is exactly the document generated from the server routes (run `npm run openapi` after a route change)', () => {
    expect(renderOpenApiYaml(openApiDocument())).toBe(committed);
  });

  it('documents every route createFetchAdapter calls, with the error vocabulary', () => {
    const document = openApiDocument();
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /email-code sendEmailCode',
        'POST /email-code/verify verifyEmailCode',
        'GET /status getTwoFactorStatus',
        'DELETE /phone resetPhone',
        'POST /phone/code sendPhoneCode',
        'POST /phone/verify verifyPhoneCode',
        'POST /phone/recovery-code/acknowledge acknowledgeRecoveryCode',
        'DELETE /two-factor disableTwoFactor',
      ].sort(),
    );
    expect((document.components?.schemas?.ErrorCode as { enum: string[] }).enum).toEqual([...ERROR_CODES]);
  });
});
