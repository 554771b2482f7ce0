export declare const OPENAPI_HEADER: string;
export declare function renderOpenApiYaml(document: object): string;
