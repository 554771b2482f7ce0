import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SettingsPage } from './settings-page';

const meta = {
  title: 'Support/SettingsPage',
  component: SettingsPage,
  args: {
    children: <p>The host’s settings content goes here.</p>,
  },
  argTypes: {
    children: { control: false },
    aside: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Storybook only: a console-like settings page (header, navigation, content) that hosts the wizard in the full-flow stories, so the flow is seen where it will live.',
      },
    },
  },
} satisfies Meta<typeof SettingsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The shell on its own. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('navigation', { name: 'Settings' })).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
    await expect(canvas.getByRole('heading', { level: 1, name: 'Security' })).toBeInTheDocument();
  },
};

/** With something beside the content. */
export const WithAside: Story = {
  args: { aside: <p>Beside the content.</p> },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Right-to-left page direction. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };
