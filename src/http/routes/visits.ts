import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';

/** Routes of the visits capability (issue 4). */
export const visitRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (_app) => {};
