// The two ways a layout draws, shared by the layout-extend test and the child that builds its graphs.
import type { LayoutOptions } from '../../src/graph/layout.js';

/** Below 2,000 nodes a layout runs ForceAtlas2 on every node; from it on (forced here with 0) events go around their parties. */
export const LAYOUT_MODES: Record<'force' | 'fold', Partial<LayoutOptions>> = {
  force: { placeEventsFrom: Infinity },
  fold: { placeEventsFrom: 0 },
};
