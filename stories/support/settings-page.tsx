import type { MouseEvent, ReactNode } from 'react';
import './support.css';

/** One entry of the settings navigation. */
export interface SettingsNavItem {
  /** Stable key and fragment id. */
  id: string;
  /** Visible link text. */
  label: string;
}

export interface SettingsPageProps {
  /** The page content: usually the 2FA wizard. */
  children: ReactNode;
  /** Shown next to the content, e.g. the `DevInbox`. */
  aside?: ReactNode;
  /** Product name in the header. @default 'Acme Console' */
  productName?: string;
  /** Signed-in account shown in the header (a demo value, never a real address). @default 'jane@example.com' */
  account?: string;
  /** Page heading (level 1). @default 'Security' */
  title?: string;
  /** One line under the heading. */
  intro?: string;
  /** Navigation entries. */
  navItems?: readonly SettingsNavItem[];
  /** The `id` of the current navigation entry. @default 'security' */
  currentNavId?: string;
}

const DEFAULT_NAV: readonly SettingsNavItem[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'security', label: 'Security' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'billing', label: 'Billing' },
  { id: 'api-keys', label: 'API keys' },
];

// The shell is a picture of a host app, not an app: navigation must not change the story's URL.
function stayOnPage(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
}

/**
 * A console-like settings page (header, navigation, content) for hosting the wizard in stories, so
 * the flow is seen where it will live: a section of the host product's own settings page.
 */
export function SettingsPage({
  children,
  aside,
  productName = 'Acme Console',
  account = 'jane@example.com',
  title = 'Security',
  intro = 'Manage how you sign in and how your account is protected.',
  navItems = DEFAULT_NAV,
  currentNavId = 'security',
}: SettingsPageProps) {
  return (
    <div className="sb-settings">
      <header className="sb-settings__header">
        <p className="sb-settings__brand">{productName}</p>
        <span className="sb-settings__account">Signed in as {account}</span>
      </header>
      <nav className="sb-settings__nav" aria-label="Settings">
        <ul>
          {navItems.map((item) => (
            <li key={item.id}>
              <a
                href={`#settings-${item.id}`}
                aria-current={item.id === currentNavId ? 'page' : undefined}
                onClick={stayOnPage}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="sb-settings__main">
        <h1 className="sb-settings__title">{title}</h1>
        {intro ? <p className="sb-settings__intro">{intro}</p> : null}
        <div className={aside ? 'sb-settings__columns' : 'sb-settings__columns sb-settings__columns--single'}>
          <div>{children}</div>
          {aside ? <div className="sb-settings__aside">{aside}</div> : null}
        </div>
      </main>
    </div>
  );
}
