import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark' | 'highContrast';

const media = (query: string): boolean =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;

/**
 * The pane's theme: high contrast whenever the system forces colours (Windows high-contrast themes), else what the
 * host says (Office's own theme, read by the Office platform), else the browser's light or dark preference.
 */
export function themeKind(host: ThemeKind | undefined): ThemeKind {
  if (media('(forced-colors: active)')) return 'highContrast';
  return host ?? (media('(prefers-color-scheme: dark)') ? 'dark' : 'light');
}

export const FLUENT_THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
