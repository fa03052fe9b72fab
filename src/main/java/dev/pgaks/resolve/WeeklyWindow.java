package dev.pgaks.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The weekly AKS maintenance window (UTC) and the question whether a CNPG cron schedule (seconds first, in the
 * operator's time zone, UTC) starts inside it: a base backup started while AKS drains the PostgreSQL nodes is
 * interrupted with its instance.
 *
 * @param startDay 0 for Sunday, as cron counts
 */
public record WeeklyWindow(int startDay, int startMinute, int hours) {

    private static final int WEEK = 7 * 24 * 60;
    private static final List<String> DAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

    /** {@code day} as the spec writes it (Sunday), {@code start} as HH:MM. */
    public static WeeklyWindow of(String day, String start, int hours) {
        int minute = Integer.parseInt(start.substring(0, 2)) * 60 + Integer.parseInt(start.substring(3, 5));
        return new WeeklyWindow(DAYS.indexOf(day.toLowerCase(Locale.ROOT)), minute, hours);
    }

    public boolean covers(int day, int minuteOfDay) {
        int offset = Math.floorMod(day * 24 * 60 + minuteOfDay - (startDay * 24 * 60 + startMinute), WEEK);
        return offset < hours * 60;
    }

    /** Hour of the day the window ends, rounded up to a whole hour. */
    public int endHourRoundedUp() {
        int end = startMinute + hours * 60;
        return (end + 59) / 60 % 24;
    }

    /** "Sunday 02:00 UTC for 4 hours". */
    public String describe() {
        String day = DAYS.get(startDay);
        return Character.toUpperCase(day.charAt(0)) + day.substring(1)
                + String.format(Locale.ROOT, " %02d:%02d UTC for %d hours", startMinute / 60, startMinute % 60, hours);
    }

    /**
     * The days and minute of day a six-field cron starts on, when it is the plain form {@code S M H * * DOW}
     * (DOW {@code *} or a list of days); empty for anything else, whose start times this does not work out.
     */
    public static Optional<List<int[]>> starts(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length != 6 || !f[3].equals("*") || !f[4].equals("*")) {
            return Optional.empty();
        }
        Optional<Integer> minute = number(f[1], 59);
        Optional<Integer> hour = number(f[2], 23);
        if (number(f[0], 59).isEmpty() || minute.isEmpty() || hour.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> days = new ArrayList<>();
        if (f[5].equals("*") || f[5].equals("?")) {
            for (int d = 0; d < 7; d++) {
                days.add(d);
            }
        } else {
            for (String d : f[5].split(",")) {
                int named = d.length() == 3 ? indexOfPrefix(d) : -1;
                Optional<Integer> n = named >= 0 ? Optional.of(named) : number(d, 6);
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                days.add(n.get());
            }
        }
        int at = hour.get() * 60 + minute.get();
        return Optional.of(days.stream().map(d -> new int[] {d, at}).toList());
    }

    private static int indexOfPrefix(String name) {
        for (int i = 0; i < DAYS.size(); i++) {
            if (DAYS.get(i).startsWith(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Integer> number(String field, int max) {
        if (!field.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(field);
        return n <= max ? Optional.of(n) : Optional.empty();
    }
}
