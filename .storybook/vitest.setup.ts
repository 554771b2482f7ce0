// Setup file of the `storybook` vitest project. The Storybook vitest plugin (10.3+) applies the
// project annotations from preview.ts and the addons' (a11y included) by itself, so nothing is
// registered here by hand; doing so would switch the plugin's own provisioning off.
export {};
