import { act } from '@testing-library/react';

/**
 * Runs `action` and lets the pane finish what it started: the in-thread review engine yields to the page between
 * stages (a macrotask each), so an action is settled after a few turns of the event loop, not after a set time.
 */
export async function settle(action?: () => unknown): Promise<void> {
  await act(async () => {
    await action?.();
    for (let i = 0; i < 25; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
