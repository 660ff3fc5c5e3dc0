// Population and area: they describe a province rather than its reform. Kept in a module of its own,
// free of imports, because browser scripts reach it (the compare page) and must not pull in the
// pipeline or its schema library.

/** Metrics that describe the unit itself: no before/after change, carried over by unchanged provinces. */
export const REFERENCE_METRICS: ReadonlySet<string> = new Set(['population', 'area_km2']);
