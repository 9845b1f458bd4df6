/**
 * What can be wrong with a link (the URL hash), as data: the URL code says
 * what it refused, the interface words it in the reader's language
 * (src/lib/i18n/notices.ts). Values are kept as they came; the wording caps
 * what it repeats back (src/lib/atlas/echo.ts). Pure.
 */
export type LinkNotice =
  /** A `key=value` part that is not valid percent-encoding. */
  | { kind: 'badParameter'; part: string }
  /** `map=` that is not zoom/lat/lng in range. */
  | { kind: 'badView'; value: string }
  /** Values of a list parameter (`modes`, `kinds`, `docs`) this atlas does not know. */
  | { kind: 'unknownValues'; key: string; values: string[] }
  /** A date of the range that looks like one but does not exist (2022-13-45). */
  | { kind: 'impossibleDate'; value: string }
  /** A date of the range that is not YYYY, YYYY-MM or YYYY-MM-DD. */
  | { kind: 'badDateRange' }
  /** `from` after `to`: the range was read the other way round. */
  | { kind: 'invertedDateRange'; from: string; to: string }
  | { kind: 'unknownFeature'; id: string }
  | { kind: 'unknownDocument'; id: string }
  | { kind: 'unknownLanguage'; value: string }
  /** The rest of a long list of notices, counted. */
  | { kind: 'more'; count: number };

export type LinkNoticeKind = LinkNotice['kind'];
