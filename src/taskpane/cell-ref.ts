export { cellRef } from '../core';
