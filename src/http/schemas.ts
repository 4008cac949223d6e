/** The shared schemas now live in the contract (src/contract); re-exported for the routes. */
export * from '../contract/common.js';
