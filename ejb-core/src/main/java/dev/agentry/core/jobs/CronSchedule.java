package dev.agentry.core.jobs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cron-style schedule in the Quartz notation operators know ({@code 0 30 3 * * ?}: second, minute, hour,
 * day of month, month, day of week), evaluated in UTC. Each field takes {@code *}, {@code ?} (day fields),
 * values, ranges {@code a-b}, lists {@code a,b} and steps {@code * / n}, {@code a/n}, {@code a-b/n}; months
 * and days of week also by name ({@code JAN}, {@code MON}); days of week numbered 1 (Sunday) to 7 as in
 * Quartz. One of the two day fields must be {@code ?} or {@code *}. Quartz's {@code L}, {@code W} and
 * {@code #} are refused rather than misread.
 */
public final class CronSchedule {

    /** A schedule has a fire time within this many years, or it is refused as never firing. */
    private static final int HORIZON_DAYS = 366 * 5;

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String expression;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek; // 1 = Sunday ... 7 = Saturday

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        seconds = field("second", fields[0], 0, 59, List.of(), false);
        minutes = field("minute", fields[1], 0, 59, List.of(), false);
        hours = field("hour", fields[2], 0, 23, List.of(), false);
        daysOfMonth = field("day of month", fields[3], 1, 31, List.of(), true);
        months = field("month", fields[4], 1, 12, MONTHS, false);
        daysOfWeek = field("day of week", fields[5], 1, 7, DAYS, true);
        boolean anyDayOfMonth = daysOfMonth.cardinality() == 31;
        boolean anyDayOfWeek = daysOfWeek.cardinality() == 7;
        if (!anyDayOfMonth && !anyDayOfWeek) {
            throw new IllegalArgumentException("give one of day of month and day of week as ?");
        }
        if (next(Instant.EPOCH.plus(365 * 30, ChronoUnit.DAYS)).isEmpty()) {
            throw new IllegalArgumentException("the schedule never fires");
        }
    }

    /**
     * The schedule the text states.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("the schedule is empty");
        }
        String[] fields = expression.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length == 7 && fields[6].equals("*")) {
            fields = java.util.Arrays.copyOf(fields, 6); // Quartz's optional year, when it says every year
        }
        if (fields.length != 6) {
            throw new IllegalArgumentException(
                    "a schedule has six fields: second minute hour day-of-month month day-of-week");
        }
        return new CronSchedule(expression.strip(), fields);
    }

    /** The first fire time strictly after {@code after}; empty if none comes within five years. */
    public Optional<Instant> next(Instant after) {
        ZonedDateTime t =
                after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ZonedDateTime limit = t.plusDays(HORIZON_DAYS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.with(TemporalAdjusters.firstDayOfNextMonth()).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(quartzDay(t.getDayOfWeek()))) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            int hour = hours.nextSetBit(t.getHour());
            if (hour < 0) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (hour > t.getHour()) {
                t = t.withHour(hour).withMinute(0).withSecond(0);
            }
            int minute = minutes.nextSetBit(t.getMinute());
            if (minute < 0) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
                continue;
            }
            if (minute > t.getMinute()) {
                t = t.withMinute(minute).withSecond(0);
            }
            int second = seconds.nextSetBit(t.getSecond());
            if (second < 0) {
                t = t.plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
                continue;
            }
            return Optional.of(t.withSecond(second).toInstant());
        }
        return Optional.empty();
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static int quartzDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static BitSet field(String name, String text, int min, int max, List<String> names, boolean day) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            if (part.equals("?") && day) {
                values.set(min, max + 1);
                continue;
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(name, range.substring(0, range.indexOf('-')), min, max, names);
                to = number(name, range.substring(range.indexOf('-') + 1), min, max, names);
                if (to < from) {
                    throw new IllegalArgumentException(name + ": the range " + range + " runs backwards");
                }
            } else {
                from = number(name, range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String name, String text, int min, int max, List<String> names) {
        int named = names.indexOf(text);
        if (named >= 0) {
            return named + min;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + ": '" + text + "' is not a value from " + min + " to " + max
                + (names.isEmpty() ? "" : " or one of " + names));
    }
}
