import type { APIRoute } from 'astro';
import { dataset } from '../../../../data/dataset.ts';
import { apiProvince } from '../../../../lib/share/api.ts';

export function getStaticPaths() {
  return dataset.units.filter((u) => u.era !== 'national').map((u) => ({ params: { id: u.id } }));
}

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(apiProvince(dataset, params.id!), null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } });
