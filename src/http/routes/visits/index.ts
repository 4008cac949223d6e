import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../app/context.js';
import { dialogRoutes } from '../concerns.js';
import { photoRoutes } from '../photos.js';
import { visitPlanSupportRoutes } from './plan-support.js';
import { programRoutes } from '../programs.js';
import { unitRoutes } from '../unit-development.js';
import { visitCoreRoutes } from './visits.js';

/**
 * Routes of the visits capability (issue 4): programs, visits, photos, concerns, follow-ups and
 * business-unit development. Each group is its own plugin; photos get their raw-body parsers
 * in their own scope only.
 */
export const visitRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(programRoutes(deps));
    await app.register(visitCoreRoutes(deps));
    await app.register(photoRoutes(deps));
    await app.register(dialogRoutes(deps));
    await app.register(unitRoutes(deps));
    await app.register(visitPlanSupportRoutes(deps));
  };
