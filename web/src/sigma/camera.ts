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
  const arrived = state === "reset" ? camera.animatedReset(options) : camera.animate(state, options);
  void Promise.resolve(arrived).then(() => {
    if (live) sigma.scheduleRender();
  });
  return () => {
    live = false;
  };
}
