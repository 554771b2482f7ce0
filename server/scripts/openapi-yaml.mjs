// The one way docs/openapi.yaml is written from the routes, shared by `npm run openapi` and the
// test that fails when the committed file differs from the routes.
import { stringify } from 'yaml';

export const OPENAPI_HEADER =
  '# Generated from the routes of react-2fa-phone-server (server/src/routes) by `npm run openapi`.\n' +
  '# Do not edit by hand: change the route or its schema, then regenerate.\n';

/** @param {object} document the OpenAPI object from openApiDocument() */
export function renderOpenApiYaml(document) {
  return OPENAPI_HEADER + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
