import { showStartupProblem, startTaskPane } from './startup';

/**
 * Task pane entry inside Excel: a small script that waits for Office and only then loads the pane itself, so that
 * outside Excel (or with office.js blocked) a page saying what to do shows at once.
 */
const office = (globalThis as { Office?: Parameters<typeof startTaskPane>[0] }).Office;
void startTaskPane(office, () => {
  const container = document.getElementById('root');
  if (!container) return;
  import('./mount').then(
    (m) => m.mount(container),
    () => showStartupProblem('load-failed'),
  );
});
