// Sigma hides edges while the camera moves (hideEdgesOnMove), but it counts as moving only a mouse drag, the wheel and
// its own animations: a touch pan, or a camera set from code, redraws every edge at each step, which costs about a
// second a frame for 50,000 edges in a software renderer. This counts any camera change as movement until the camera
// has stayed still for a moment after its last frame, then draws the full frame once.
import type { KgSigma } from './renderer.js';

/** How long the camera must stay still, after the frame of its last change, before the edges are drawn again. */
export const SETTLE_MS = 150;

/**
 * Makes sigma treat the camera as moving from any change of it until SETTLE_MS without one. Sigma reads
 * `camera.isAnimated()` only to decide whether the camera moves (hideEdgesOnMove, hideLabelsOnMove), so that is what is
 * extended; its own animations still count. The wait starts when a frame is drawn, not at the change, so that slow
 * frames (longer than the wait) do not bring the edges back in the middle of a pan.
 */
export function treatCameraChangesAsMovement(sigma: KgSigma): void {
  const camera = sigma.getCamera();
  const animated = camera.isAnimated.bind(camera);
  let settling = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  camera.isAnimated = () => settling || animated();
  camera.on('updated', () => {
    settling = true;
    clearTimeout(timer);
  });
  sigma.on('afterRender', () => {
    if (!settling) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      settling = false;
      sigma.scheduleRender();
    }, SETTLE_MS);
  });
}
