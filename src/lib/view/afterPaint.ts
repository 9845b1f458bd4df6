/**
 * Map work a click sets off (the selection's halo, its labels, a pan to show
 * it) runs after the browser has painted the frame that shows the click's
 * answer, the source panel. On a software GPU one WebGL frame of the map takes
 * 100 ms or more; done in the same frame, it holds the panel back by as much.
 */

/** Call `fn` once the next frame has been painted (a task after its animation frame). */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * A task to run after the next paint, however often it is asked for before
 * then: it runs once, with whatever state is current when it runs.
 */
export function coalescedAfterPaint(task: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    afterNextPaint(() => {
      pending = false;
      task();
    });
  };
}
