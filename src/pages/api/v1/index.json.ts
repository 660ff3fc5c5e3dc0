import type { APIRoute } from 'astro';
import { dataset } from '../../../data/dataset.ts';
import { apiIndex } from '../../../lib/share/api.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(apiIndex(dataset), null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } });
