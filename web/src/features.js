import routeTable from './generated/routes.json';

// What the API this client was built with can do, read from its own route table
// (web/src/generated/routes.json, written by `cineverse-api routes --json` before each build):
// a part of the interface whose route the service does not have stays hidden.
export function hasRoute(table, method, pattern) {
  return (table?.routes ?? []).some((route) => route.method === method && pattern.test(route.path));
}

// The Letterboxd import (POST /api/import/letterboxd, GET /api/import/{job_id}).
export const CAN_IMPORT = hasRoute(routeTable, 'POST', /^\/api\/import\/letterboxd$/);
// Picking the right title for an unmatched row (POST /api/import/{job_id}/resolve).
export const CAN_RESOLVE_IMPORT = hasRoute(routeTable, 'POST', /^\/api\/import\/\{[a-z_]+(:[^}]*)?\}\/resolve$/);
