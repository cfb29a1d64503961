import { z } from 'zod';
import { API } from '../../../shared/api/routes';
import { RequestValidationError, validationIssues } from '../errors';
import { route, type BoundRoute } from '../route';

export function settingsRoutes(): BoundRoute[] {
  return [
    route(API.getSettings, async ({ seller }) => ({ settings: await seller.settings.get() })),
    route(API.patchSettings, async ({ seller, body }) => {
      try {
        return { settings: await seller.settings.patch(body) };
      } catch (error) {
        // The merged document is checked as a whole; a patch that breaks it is the caller's input.
        if (error instanceof z.ZodError) throw new RequestValidationError(validationIssues('body', error));
        throw error;
      }
    }),
  ];
}
