import { dashboardSchema } from '../../../core/dashboard/dashboard.contract';
import { anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { getDashboard } from './dashboard.service';

export function registerDashboardRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/dashboard',
    {
      config: { access: anyUser },
      schema: {
        tags: ['dashboard'],
        summary: 'Home page figures in your scope',
        response: { 200: dashboardSchema },
      },
    },
    async (request) => getDashboard(db, actorOf(request)),
  );
}
