import { Text } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';

/**
 * The 设置 and 绩效 views, each in a chunk of its own that loads when its tab is first opened: the Fluent components
 * only they use (the rule-level dropdowns and their pop-up positioning, switches, checkboxes) stay out of the pane's
 * first load (tests/e2e/first-load.e2e.ts). Each waits in its own Suspense boundary, below the tab list, so the tab a
 * keyboard user chose keeps the focus while the chunk arrives.
 */
const SettingsChunk = lazy(() =>
  import(/* webpackChunkName: "settings-view" */ './SettingsView').then((m) => ({ default: m.SettingsView })),
);
const PerformanceChunk = lazy(() =>
  import(/* webpackChunkName: "performance-view" */ './PerformanceView').then((m) => ({ default: m.PerformanceView })),
);

function inBoundary<P extends object>(View: ComponentType<P>, loading: (p: P) => ReactNode) {
  return function Lazy(props: P) {
    return (
      <Suspense fallback={loading(props)}>
        <View {...props} />
      </Suspense>
    );
  };
}

type Loading = { readonly t: (key: 'loadingView') => string };
const loadingText = (p: Loading) => (
  <Text block aria-live="polite">
    {p.t('loadingView')}
  </Text>
);

export const SettingsView = inBoundary<ComponentProps<typeof SettingsChunk>>(SettingsChunk, loadingText);
export const PerformanceView = inBoundary<ComponentProps<typeof PerformanceChunk>>(PerformanceChunk, loadingText);
