import type { CameraState } from "sigma/types";
import type { ExploreSigma } from "./context.ts";

/**
 * Moves the camera and draws once more when it has arrived. Sigma leaves contracts and labels
 * out while the camera moves (hideEdgesOnMove, hideLabelsOnMove) and draws again only when the
 * camera's state changes: an animation towards where the camera already is, started as the
 * graph changes, would leave the view without them until the pointer moved. Returns a function
 * that forgets the redraw (a controller's cleanup).
 */
export function animateCamera(
  sigma: ExploreSigma,
  state: Partial<CameraState> | "reset",
  options: { duration: number },
): () => void {
  let live = true;
  const camera = sigma.getCamera();
  // Already there (a radius laid out again, or its chains arriving from the worker): nothing to
  // animate. Each animated frame redraws every organisation, which a software renderer pays for.
  const target = state === "reset" ? { x: 0.5, y: 0.5, ratio: 1, angle: 0 } : state;
  const current = camera.getState();
  const near = (a: number | undefined, b: number) => a === undefined || Math.abs(a - b) < 1e-9;
  if (
    !camera.isAnimated() &&
    near(target.x, current.x) &&
    near(target.y, current.y) &&
    near(target.ratio, current.ratio) &&
    near(target.angle, current.angle)
  ) {
    sigma.scheduleRender();
    return () => {
      live = false;
    };
  }
  if (options.duration === 0) {
    camera.setState(target);
    return () => {
      live = false;
    };
  }
  const arrived = state === "reset" ? camera.animatedReset(options) : camera.animate(state, options);
  void Promise.resolve(arrived).then(() => {
    if (live) sigma.scheduleRender();
  });
  return () => {
    live = false;
  };
}
