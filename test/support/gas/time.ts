/** Time-zone arithmetic for Utilities.formatDate and for dates people type into the fake sheet. */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallTime(date: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? 'Sun'),
  };
}

/** The instant at which clocks in `timeZone` show this wall time. */
export function instantOf(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = guess;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const shown = wallTime(new Date(instant), timeZone);
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
    instant += guess - shownAsUtc;
  }
  return new Date(instant);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offsetText(date: Date, timeZone: string, colon: boolean): string {
  const shown = wallTime(date, timeZone);
  const minutes = Math.round((Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second) - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * Java SimpleDateFormat patterns, the subset Apps Script code uses: y M d H h m s S a E Z X and quoted text.
 */
export function formatDatePattern(date: Date, timeZone: string, pattern: string): string {
  const time = wallTime(date, timeZone);
  let output = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern.charAt(index);
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      const literal = close < 0 ? pattern.slice(index + 1) : pattern.slice(index + 1, close);
      output += literal === '' ? "'" : literal;
      index = close < 0 ? pattern.length : close + 1;
      continue;
    }
    let run = 1;
    while (pattern.charAt(index + run) === char) run += 1;
    index += run;
    switch (char) {
      case 'y':
        output += run === 2 ? pad(time.year % 100, 2) : pad(time.year, run);
        break;
      case 'M':
        output += pad(time.month, run);
        break;
      case 'd':
        output += pad(time.day, run);
        break;
      case 'H':
        output += pad(time.hour, run);
        break;
      case 'h':
        output += pad(time.hour % 12 === 0 ? 12 : time.hour % 12, run);
        break;
      case 'm':
        output += pad(time.minute, run);
        break;
      case 's':
        output += pad(time.second, run);
        break;
      case 'S':
        output += pad(date.getUTCMilliseconds(), run);
        break;
      case 'a':
        output += time.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        output += WEEKDAYS[time.weekday] ?? '';
        break;
      case 'Z':
        output += offsetText(date, timeZone, false);
        break;
      case 'X':
        output += offsetText(date, timeZone, run >= 3);
        break;
      default:
        output += char.repeat(run);
    }
  }
  return output;
}
