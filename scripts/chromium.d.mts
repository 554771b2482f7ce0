export declare const CHROMIUM_ENV: string;
export declare function findChromium(): {
  path: string | undefined;
  source: 'env' | 'debian' | 'playwright' | 'none';
};
export declare const CHROMIUM_ARGS: string[];
