import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';
import { builtInCopyLoader, mockAdapterLoader, withMockAdapter, withStrictMode, withThemeDirectionLocale } from '../stories/support/decorators';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    // Every story's a11y check fails its story test (not just a warning in the panel).
    a11y: { test: 'error' },
    controls: {
      expanded: true,
      // The adapter is an object of functions: nothing a control could edit.
      exclude: ['adapter'],
    },
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'Adapter guide', 'Theming', 'Localisation'], 'Flow', 'Steps', 'Parts', 'Support'],
      },
    },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme (data-theme on the host wrapper)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Copy and country names',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr', locale: 'en' },
  loaders: [mockAdapterLoader, builtInCopyLoader],
  // First entry is innermost: the adapter arg is set before the wrapper is drawn around the story.
  decorators: [withMockAdapter, withThemeDirectionLocale, withStrictMode],
};

export default preview;
