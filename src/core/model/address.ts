/** A1 addresses of the model's cells, for findings (the model carries positions; rules name them). */
export { cellAddress, columnLetter, rangeAddress } from '../snapshot/address';
