/** Map work after the panel's frame (afterPaint.ts): it waits for a frame, and many asks make one run. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, coalescedAfterPaint } from '../../../src/lib/view/afterPaint.ts';

let frames: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
/** The browser runs the frame's callbacks, paints, then goes on with its tasks. */
function paintFrame() {
  const run = frames;
  frames = [];
  for (const cb of run) cb();
}

describe('after the next paint', () => {
  it('runs nothing before the frame, nor inside it, but in a task after it', () => {
    const fn = vi.fn();
    afterNextPaint(fn);
    vi.runAllTimers();
    expect(fn).not.toHaveBeenCalled();
    paintFrame();
    expect(fn).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs a coalesced task once for every ask before it runs, with the state current then', () => {
    let state = 'first';
    const seen: string[] = [];
    const ask = coalescedAfterPaint(() => seen.push(state));
    ask();
    state = 'second';
    ask();
    ask();
    paintFrame();
    vi.runAllTimers();
    expect(seen).toEqual(['second']);
    ask();
    paintFrame();
    vi.runAllTimers();
    expect(seen).toEqual(['second', 'second']);
  });
});
