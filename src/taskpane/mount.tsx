import { createRoot } from 'react-dom/client';
import { OfficePlatform } from '../platform/office/office-platform';
import { App } from './App';
import { pageEngine } from './engine/spawn-worker';

/** Renders the task pane on the Office platform (loaded only once Excel is ready); the review runs in a worker. */
export function mount(container: HTMLElement): void {
  createRoot(container).render(<App platform={new OfficePlatform()} engine={pageEngine()} />);
}
