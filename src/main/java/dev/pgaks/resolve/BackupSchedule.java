package dev.pgaks.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * The default base backup schedule: daily at 02:00 UTC, unless that falls inside the AKS maintenance window, when
 * node upgrades drain the instances and would interrupt the backup; then one hour after the window ends (slack for a
 * window that overruns), or failing that the first hour outside it every day. A window of a whole day leaves no such
 * hour: the backup then skips the days the window covers at 02:00.
 */
final class BackupSchedule {

    private static final int PREFERRED_HOUR = 2;

    private BackupSchedule() {}

    /** @param window the maintenance window, or {@code null} when AKS schedules none */
    static String derive(WeeklyWindow window) {
        if (window == null) {
            return daily(PREFERRED_HOUR);
        }
        List<Integer> candidates = new ArrayList<>(List.of(PREFERRED_HOUR, (window.endHourRoundedUp() + 1) % 24));
        for (int h = 0; h < 24; h++) {
            candidates.add(h);
        }
        for (int hour : candidates) {
            if (freeDays(window, hour).size() == 7) {
                return daily(hour);
            }
        }
        return "0 0 " + PREFERRED_HOUR + " * * "
                + String.join(",", freeDays(window, PREFERRED_HOUR).stream().map(String::valueOf).toList());
    }

    private static List<Integer> freeDays(WeeklyWindow window, int hour) {
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            if (!window.covers(d, hour * 60)) {
                days.add(d);
            }
        }
        return days;
    }

    private static String daily(int hour) {
        return "0 0 " + hour + " * * *";
    }
}
