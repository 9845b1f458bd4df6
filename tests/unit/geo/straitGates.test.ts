import { describe, expect, it } from 'vitest';
import { crossesGate, foldAccents, straitMentions, type StraitGate } from '../../../src/lib/geo/straitGates.ts';

const osumi: StraitGate = { names: ['Ōsumi Strait', '大隅海峡'], gate: [[0, 1], [0, -1]], source: 'test' };
const malacca: StraitGate = { names: ['Strait of Malacca'], gate: [[5, 1], [5, -1]], source: 'test' };
const gazetteer = [osumi, malacca];

describe('straitMentions', () => {
  it('finds a strait by any of its names, with or without the macron', () => {
    expect(straitMentions('reached via the Osumi Strait and onward', gazetteer).named).toEqual([osumi]);
    expect(straitMentions('reached via the Ōsumi strait', gazetteer).named).toEqual([osumi]);
    expect(straitMentions('经大隅海峡前往大阪', gazetteer).named).toEqual([osumi]);
    expect(straitMentions('then through the Strait of Malacca', gazetteer)).toEqual({ named: [malacca], unknown: [] });
  });

  it('reports a named strait the gazetteer does not know, with its name', () => {
    expect(straitMentions('north through the Tsugaru Strait to Hakodate', gazetteer).unknown).toEqual(['the Tsugaru Strait']);
    expect(straitMentions('via the Strait of Hormuz', gazetteer).unknown).toEqual(['via the Strait of Hormuz']);
    expect(straitMentions('across the Kii Channel', gazetteer).unknown).toEqual(['the Kii Channel']);
    expect(straitMentions('经对马海峡到釜山', gazetteer).unknown).toEqual(['经对马海峡']);
  });

  it('ignores descriptions without straits, and lower-case generic words', () => {
    expect(straitMentions('down the navigation channel of the Yangtze to the sea', gazetteer)).toEqual({ named: [], unknown: [] });
    expect(straitMentions('长江黄金水道', gazetteer)).toEqual({ named: [], unknown: [] });
  });
});

describe('crossesGate', () => {
  it('is true when a part crosses the gate and false when it passes beside it', () => {
    expect(crossesGate([[[-1, 0], [1, 0]]], osumi.gate)).toBe(true);
    expect(crossesGate([[[-1, 2], [1, 2]]], osumi.gate)).toBe(false);
    expect(crossesGate([[[-3, 0], [-2, 0]], [[-1, 0.5], [2, 0.5]]], osumi.gate)).toBe(true);
  });
});

describe('foldAccents', () => {
  it('strips combining marks and keeps CJK', () => {
    expect(foldAccents('Ōsumi Côn Đảo 大隅')).toBe('Osumi Con Đao 大隅');
  });
});
