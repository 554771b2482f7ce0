import stylesheet from '../../src/styles.css?raw';

/**
 * The `--tfa-*` design tokens, read from the stylesheet itself at build time so this table cannot
 * drift from it: every token declared in the light block, with its dark value where the dark theme
 * changes it.
 */

/** One design token. */
export interface DesignToken {
  /** The custom property, e.g. `--tfa-color-primary`. */
  name: string;
  /** The value in the light (default) theme. */
  light: string;
  /** The value in the dark theme, when it differs from the light one. */
  dark: string | null;
}

/** What each token is for; tokens missing here are still listed, with their name only. */
const PURPOSE: Readonly<Record<string, string>> = {
  '--tfa-font-family': 'Text face. System fonts only: no web font is fetched.',
  '--tfa-font-family-mono': 'Codes and the recovery code: faces that tell 0 from O and 1 from l.',
  '--tfa-font-size': 'Body text.',
  '--tfa-font-size-small': 'Hints, countdowns, notes.',
  '--tfa-font-size-heading': 'Step headings.',
  '--tfa-font-size-code': 'Digits in the code fields.',
  '--tfa-font-size-recovery-code': 'The recovery code.',
  '--tfa-line-height': 'Body line height.',
  '--tfa-space-1': 'Smallest gap.',
  '--tfa-space-2': 'Gap between a label and its field.',
  '--tfa-space-3': 'Gap between buttons.',
  '--tfa-space-4': 'Gap between form rows.',
  '--tfa-space-6': 'Gap between sections.',
  '--tfa-radius': 'Corners of fields, buttons, boxes and the dialog.',
  '--tfa-radius-small': 'Corners of small elements.',
  '--tfa-border-width': 'Borders of fields and boxes.',
  '--tfa-focus-ring-width': 'Width of the focus outline.',
  '--tfa-focus-ring-offset': 'Gap between an element and its focus outline.',
  '--tfa-control-height': 'Height of every field, select and button on every step (a comfortable touch target).',
  '--tfa-message-slot': 'Room kept under each field (and Resend) for a one-line message, so an error or countdown moves nothing.',
  '--tfa-dialog-width': 'Maximum width of the reset dialog.',
  '--tfa-z-index-dialog': 'Stacking of the dialog and its overlay above the host page.',
  '--tfa-transition-duration': 'Hover and focus transitions (none under prefers-reduced-motion).',
  '--tfa-color-background': 'The component and its fields.',
  '--tfa-color-surface': 'Boxes such as the recovery code.',
  '--tfa-color-text': 'Text.',
  '--tfa-color-text-muted': 'Hints, countdowns, secondary text (still ≥ 4.5:1).',
  '--tfa-color-border': 'Field and box borders (≥ 3:1 against the background).',
  '--tfa-color-primary': 'Primary buttons and links.',
  '--tfa-color-primary-hover': 'Primary buttons on hover.',
  '--tfa-color-on-primary': 'Text on primary buttons.',
  '--tfa-color-danger': 'Errors and destructive buttons (Reset and continue, Disable).',
  '--tfa-color-danger-hover': 'Destructive buttons on hover.',
  '--tfa-color-on-danger': 'Text on destructive buttons.',
  '--tfa-color-success': 'Confirmations ("Recovery code copied.").',
  '--tfa-color-notice-background': 'The notice recommending a number hosted elsewhere.',
  '--tfa-color-notice-border': 'That notice’s border.',
  '--tfa-color-focus': 'Focus outline.',
  '--tfa-color-disabled': 'Text of unavailable buttons (Resend during its cooldown; ≥ 4.5:1 on its background).',
  '--tfa-color-disabled-background': 'Background of unavailable buttons.',
  '--tfa-color-overlay': 'Backdrop behind the dialog.',
  '--tfa-shadow-dialog': 'The dialog’s shadow.',
  '--tfa-color-dialog-background': 'The dialog (raised above a dark page in the dark theme).',
};

/** The declarations of the first rule whose selector matches `selector`. */
function declarationsOf(css: string, selector: RegExp): Map<string, string> {
  const declarations = new Map<string, string>();
  const rule = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`, 'm').exec(css);
  const body = rule?.[1] ?? '';
  // Comments inside the block would otherwise end up in values.
  const withoutComments = body.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of withoutComments.matchAll(/(--tfa-[a-z0-9-]+)\s*:\s*([^;]+);/g)) {
    const [, name, value] = match;
    if (name && value) declarations.set(name, value.replace(/\s+/g, ' ').trim());
  }
  return declarations;
}

/** Every token of the stylesheet, in declaration order. */
export function readDesignTokens(css: string = stylesheet): DesignToken[] {
  // The first `:where(.tfa-root) {` block holds every token with its light value.
  const light = declarationsOf(css, /^:where\(\.tfa-root\)/);
  // The forced dark theme restates the colours it changes.
  const dark = declarationsOf(css, /:where\(\[data-theme="dark"\]\) :where\(\.tfa-root\),\s*:where\(\.tfa-root\[data-theme="dark"\]\)/);
  return [...light].map(([name, value]) => {
    const darkValue = dark.get(name);
    return { name, light: value, dark: darkValue !== undefined && darkValue !== value ? darkValue : null };
  });
}

function Swatch({ value }: { value: string }) {
  if (!/^(#|rgb|hsl)/.test(value)) return null;
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        inlineSize: '1em',
        blockSize: '1em',
        marginInlineEnd: '0.4em',
        verticalAlign: '-0.15em',
        border: '1px solid #8c959f',
        borderRadius: '0.2em',
        background: value,
      }}
    />
  );
}

/** The token table for the Theming page. */
export function TokenTable() {
  const tokens = readDesignTokens();
  return (
    <table>
      <caption style={{ textAlign: 'start', paddingBlockEnd: '0.5em' }}>
        {tokens.length} tokens, read from <code>src/styles.css</code>
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Light (default)</th>
          <th scope="col">Dark</th>
          <th scope="col">Used for</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <td>
              <code>{token.name}</code>
            </td>
            <td>
              <Swatch value={token.light} />
              <code>{token.light}</code>
            </td>
            <td>
              {token.dark ? (
                <>
                  <Swatch value={token.dark} />
                  <code>{token.dark}</code>
                </>
              ) : (
                'same'
              )}
            </td>
            <td>{PURPOSE[token.name] ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
