/** The visits schemas now live in the contract (src/contract/visits.ts); re-exported for the routes. */
export * from '../../../contract/visits.js';
