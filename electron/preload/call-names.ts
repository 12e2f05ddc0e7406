// The contract's call names. The preload build (scripts/build-preload.mjs) replaces this module
// with a literal list of the same names, so the sandboxed preload never loads zod or the schemas;
// electron/preload/bundle.test.ts checks the built list against the contract.
export { callNames } from '../../shared/contract/index.js';
