// `npm run openapi`: regenerates docs/openapi.yaml from the server's routes (built by tsup first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiYaml } from './openapi-yaml.mjs';

const { openApiDocument } = await import('../dist/index.js');
const target = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));
writeFileSync(target, renderOpenApiYaml(openApiDocument()));
process.stdout.write('wrote docs/openapi.yaml\n');
