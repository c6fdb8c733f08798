/**
 * A publication date read from a line that is a date and nothing else ("Published: 2 Nov 2009", "2009-11-02 10:22"),
 * as YYYY-MM-DD or YYYY-MM-DDTHH:MM. The HTML importer and the notebook use it too.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function isValidDate({ year, month, day }: DateParts): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const monthNumber = (name: string): number => MONTHS[name.slice(0, 3)] ?? 0;

/** Each pattern reads one way of writing a date; its time, if it carries one, comes along. */
const DATE_PATTERNS: Array<{
  re: RegExp;
  read: (m: RegExpExecArray) => (DateParts & { hour?: number; minute?: number }) | null;
}> = [
  {
    // 2009-11-02, 2009-11-02T10:22, 2009-11-02 10:22:00+03:00
    re: /\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:z\b|\s?[+-]\d{2}:?\d{2}\b)?)?(?![\d-])/,
    read: (m) => ({
      year: +m[1]!,
      month: +m[2]!,
      day: +m[3]!,
      ...(m[4] !== undefined ? { hour: +m[4], minute: +m[5]! } : {}),
    }),
  },
  {
    // 2009/11/02
    re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }),
  },
  {
    // 02.11.2009: day first wherever dots are used
    re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/,
    read: (m) => ({ year: +m[3]!, month: +m[2]!, day: +m[1]! }),
  },
  {
    // 25/11/2009 or 11/25/2009; 02/11/2009 could be either and is not read
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/,
    read: (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      const year = +m[3]!;
      if (a === b) return { year, month: a, day: a };
      if (a > 12 && b <= 12) return { year, month: b, day: a };
      if (b > 12 && a <= 12) return { year, month: a, day: b };
      return null;
    },
  },
  {
    // 2 Nov, 2009 · 2nd of November 2009 · Mon 2 Nov 2009
    re: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`),
    read: (m) => ({ year: +m[3]!, month: monthNumber(m[2]!), day: +m[1]! }),
  },
  {
    // November 2, 2009 · Nov. 2nd 2009
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`),
    read: (m) => ({ year: +m[3]!, month: monthNumber(m[1]!), day: +m[2]! }),
  },
];

/** 10:22, 10.22, 10:22:05, 10:22 pm, 10 p.m. (named groups: hour, minute, meridiem); read after the date. */
const TIME =
  /\b(?<hour>\d{1,2})(?:[:.](?<minute>\d{2})(?::\d{2})?(?:\s*(?<meridiem>[ap])\.?m\.?(?![a-z]))?|\s*(?<meridiem2>[ap])\.?m\.?(?![a-z]))/;

/** What may stand beside a date on a dateline: labels, weekdays, time zones, separators. */
const DATELINE_WORDS = new Set(
  `published updated posted modified created first last on at date time dated local the of
  mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
  gmt utc bst cet cest eet eest msk wet west est edt cst cdt mst mdt pst pdt ist jst aest aedt hkt sgt z`.split(
    /\s+/,
  ),
);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Reads a line that is a date and nothing else (labels such as "Published:", weekdays, times and time zones may
 * stand beside it) and returns it as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time is given. Numeric dates
 * whose day and month could be swapped (02/11/2009) are not guessed: null.
 */
export function parseDateLine(line: string): string | null {
  let rest = line.replace(/\s+/g, ' ').trim().toLowerCase();
  if (rest === '' || rest.length > 80) return null;

  let date: (DateParts & { hour?: number; minute?: number }) | null = null;
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.re.exec(rest);
    if (!match) continue;
    date = pattern.read(match);
    if (!date || !isValidDate(date)) return null;
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    break;
  }
  if (!date) return null;

  let hour = date.hour;
  let minute = date.minute;
  if (hour === undefined) {
    const time = TIME.exec(rest);
    if (time?.groups) {
      const { groups } = time;
      hour = Number(groups.hour);
      minute = groups.minute === undefined ? 0 : Number(groups.minute);
      const meridiem = groups.meridiem ?? groups.meridiem2;
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
      }
      rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
    }
  }
  if (hour !== undefined && (hour > 23 || minute === undefined || minute > 59)) return null;

  const leftover = rest
    .replace(/[+-]\d{2}:?\d{2}\b/g, ' ')
    .split(/[\s,.:;|/()[\]•·–—-]+/)
    .filter((word) => word !== '' && !DATELINE_WORDS.has(word));
  if (leftover.length > 0) return null;

  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return hour === undefined ? day : `${day}T${pad(hour)}:${pad(minute!)}`;
}
