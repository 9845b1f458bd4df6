import { describe, expect, test } from 'vitest';
import { CollisionIndex, overlaps, placeByPriority, textBox, type Box } from '../../../src/lib/view/collision.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe('the collision pass', () => {
  test('places by priority: the more important label wins the spot, the other takes its next candidate or is left out', () => {
    const index = new CollisionIndex();
    const spot = box(0, 0, 50, 10);
    const placed = placeByPriority(
      [
        { item: 'town', priority: 20, boxes: [spot] },
        { item: 'capital', priority: 1, boxes: [spot] },
        { item: 'city', priority: 5, boxes: [spot, box(0, 20, 50, 30)] },
      ],
      index,
    );
    expect(placed).toEqual([
      { item: 'capital', choice: 0 },
      { item: 'city', choice: 1 },
    ]);
  });

  test('no two placed boxes overlap, whatever the input', () => {
    // A seeded scatter of labels in a small frame.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const index = new CollisionIndex(box(0, 0, 400, 300), 32);
    const labels = Array.from({ length: 300 }, (_, i) => {
      const x = rnd() * 400;
      const y = rnd() * 300;
      const w = 20 + rnd() * 80;
      return { item: i, priority: rnd(), boxes: [box(x, y, x + w, y + 12), box(x - w, y, x, y + 12)] };
    });
    const placed = placeByPriority(labels, index);
    const boxes = placed.map((p) => labels[p.item].boxes[p.choice]);
    expect(boxes.length).toBeGreaterThan(10);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    for (const b of boxes) expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 400 && b.y1 <= 300).toBe(true);
  });

  test('obstacles inserted first keep labels off them; the frame keeps them in', () => {
    const index = new CollisionIndex(box(0, 0, 100, 100));
    index.insert(box(40, 40, 60, 60));
    expect(index.fits(box(45, 45, 50, 50))).toBe(false);
    expect(index.fits(box(61, 40, 70, 50))).toBe(true);
    expect(index.fits(box(95, 0, 105, 10))).toBe(false);
    // Boxes spanning grid cells are found from every cell.
    index.insert(box(0, 0, 99, 5));
    expect(index.fits(box(90, 2, 95, 4))).toBe(false);
  });

  test('textBox follows the anchor', () => {
    expect(textBox(100, 50, 40, 10, 'start', 0).x0).toBe(100);
    expect(textBox(100, 50, 40, 10, 'end', 0).x1).toBe(100);
    expect(textBox(100, 50, 40, 10, 'middle', 0).x0).toBe(80);
  });
});
