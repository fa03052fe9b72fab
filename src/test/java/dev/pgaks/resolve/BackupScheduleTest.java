package dev.pgaks.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived backup schedule never starts inside the AKS maintenance window. */
class BackupScheduleTest {

    @Test
    void derivedScheduleStartsOutsideEveryWindowTheSchemaAllows() {
        List<String> inside = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int start = 0; start < 24 * 60; start += 30) {
                for (int hours = 4; hours <= 24; hours++) {
                    WeeklyWindow window = new WeeklyWindow(day, start, hours);
                    String schedule = BackupSchedule.derive(window);
                    List<int[]> starts = WeeklyWindow.starts(schedule).orElseThrow();
                    assertTrue(starts.size() >= 6, schedule + " skips more than the window's day");
                    if (starts.stream().anyMatch(at -> window.covers(at[0], at[1]))) {
                        inside.add(window.describe() + ": " + schedule);
                    }
                }
            }
        }
        assertEquals(List.of(), inside);
    }

    @Test
    void keeps0200WhenTheWindowAllowsIt() {
        assertEquals("0 0 2 * * *", BackupSchedule.derive(null));
        assertEquals("0 0 2 * * *", BackupSchedule.derive(WeeklyWindow.of("Sunday", "10:00", 4)));
        assertEquals("0 0 7 * * *", BackupSchedule.derive(WeeklyWindow.of("Sunday", "02:00", 4)));
        assertEquals("0 0 2 * * 1,2,3,4,5,6", BackupSchedule.derive(WeeklyWindow.of("Sunday", "02:00", 24)));
    }
}
