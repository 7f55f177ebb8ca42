// The viewer's test of camera movement (edges hidden until the camera is still): any camera change counts, and the
// edges come back SETTLE_MS after the frame of the last change, not in the middle of a pan of slow frames.
import { jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { SETTLE_MS, treatCameraChangesAsMovement } from '../../viz/src/camera-motion.js';
import type { KgSigma } from '../../viz/src/renderer.js';

// Sigma's Camera as the viewer uses it (sigma itself needs WebGL to load): isAnimated() is true only during its own
// animations, and setState emits "updated".
class Camera extends EventEmitter {
  x = 0.5;
  isAnimated(): boolean {
    return false;
  }
  setState(state: { x: number }): void {
    this.x = state.x;
    this.emit('updated', state);
  }
}

describe('camera movement', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('counts a camera set from code as movement until it has been still for a while after its last frame', () => {
    const camera = new Camera();
    const events = new EventEmitter();
    const scheduleRender = jest.fn();
    const sigma = { getCamera: () => camera, scheduleRender, on: (event: string, listener: () => void) => events.on(event, listener) };
    treatCameraChangesAsMovement(sigma as unknown as KgSigma);
    expect(camera.isAnimated()).toBe(false);
    camera.setState({ x: 0.6 });
    expect(camera.isAnimated()).toBe(true);
    // A frame slower than the wait: the camera still counts as moving until a frame is drawn, then for SETTLE_MS.
    jest.advanceTimersByTime(5 * SETTLE_MS);
    expect(camera.isAnimated()).toBe(true);
    events.emit('afterRender');
    jest.advanceTimersByTime(SETTLE_MS - 1);
    camera.setState({ x: 0.7 });
    events.emit('afterRender');
    jest.advanceTimersByTime(SETTLE_MS - 1);
    expect(camera.isAnimated()).toBe(true);
    expect(scheduleRender).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(camera.isAnimated()).toBe(false);
    expect(scheduleRender).toHaveBeenCalledTimes(1);
  });
});
