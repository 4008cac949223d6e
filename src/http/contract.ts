import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * The contract (src/contract) at the edge: every request is parsed with its route's zod schema, and
 * every JSON response is encoded with its route's response schema. A response that does not match
 * its schema (a renamed field, a missing one, a wrong type) is not sent: it fails with a 500, so an
 * API test of that route fails (test/api/response-contract.test.ts).
 */
export function installContract(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}
