/* global Office */
/** Ribbon function file: the button only opens the task pane, so there is nothing to register beyond readiness. */
Office.onReady(() => undefined);
