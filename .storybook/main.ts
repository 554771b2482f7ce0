import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // StrictMode comes from a decorator in preview.ts, so story tests run under it too.
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const build = viteConfig.build ?? {};
    // Vite 8 bundles with Rolldown; Storybook's builder fills `rolldownOptions`.
    const bundlerOptions = build.rolldownOptions ?? {};
    const previousOnWarn = bundlerOptions.onwarn;
    return {
      ...viteConfig,
      build: {
        ...build,
        // Storybook's own manager and docs bundles are large; the library's size is checked elsewhere.
        chunkSizeWarningLimit: 2000,
        rolldownOptions: {
          ...bundlerOptions,
          onwarn(warning, warn) {
            // Radix ships "use client" banners, which mean nothing in a client-only bundle.
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            if (previousOnWarn) previousOnWarn(warning, warn);
            else warn(warning);
          },
        },
      },
    };
  },
};

export default config;
