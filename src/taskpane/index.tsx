/* global Office */
import { createRoot } from 'react-dom/client';
import { OfficePlatform } from '../platform/office/office-platform';
import { App } from './App';

/** Task pane entry inside Excel: wait for Office, then render the pane on the Office platform. */
Office.onReady(() => {
  const container = document.getElementById('root');
  if (container) createRoot(container).render(<App platform={new OfficePlatform()} />);
});
