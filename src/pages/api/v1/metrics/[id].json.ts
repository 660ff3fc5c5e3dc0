import type { APIRoute } from 'astro';
import { dataset } from '../../../../data/dataset.ts';
import { apiMetric } from '../../../../lib/share/api.ts';

export function getStaticPaths() {
  return dataset.metrics.map((m) => ({ params: { id: m.id } }));
}

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(apiMetric(dataset, params.id!), null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } });
