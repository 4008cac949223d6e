import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../app/context.js';
import { visitPlanSupportRoutes } from './plan-support.js';
import { visitCoreRoutes } from './visits.js';

/**
 * Routes of the visits (issue 4): the visit record and its plan support (exports, team candidates).
 * Programs, photos, concerns, follow-ups and unit development have their own route files beside this folder.
 */
export const visitRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(visitCoreRoutes(deps));
    await app.register(visitPlanSupportRoutes(deps));
  };
