import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // Every story's a11y check fails its story test (not just a warning in the panel).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
