import type { AppDeps } from '../context.js';

/** Demo visits, concerns and follow-ups (issue 4), loaded after the registry demo. */
export async function seedDemoVisits(_deps: AppDeps): Promise<void> {}
