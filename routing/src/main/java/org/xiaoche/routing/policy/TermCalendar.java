package org.xiaoche.routing.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The school term the buses run in: first and last school day, the holidays inside it and the
 * weekdays with school. Dates are ISO ({@code 2026-09-01}), weekdays English names
 * ({@code MONDAY}). Timetable exports (GTFS calendar and calendar_dates) take their service days
 * from here. A planner sets it each term from the county's 校历; the default is the autumn term
 * 2026/27 with the national holidays that fall in it.
 *
 * @param firstDay first school day
 * @param lastDay  last school day, not before {@code firstDay}
 * @param holidays days inside the term without school (each between the first and last day)
 * @param weekdays weekdays with school, at least one
 */
public record TermCalendar(String firstDay, String lastDay, List<String> holidays, List<String> weekdays) {

    /** Autumn term 2026/27: 1 September 2026 to 22 January 2027, Monday to Friday. */
    public static final TermCalendar DEFAULT = new TermCalendar("2026-09-01", "2027-01-22",
            List.of("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2027-01-01"),
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));

    /** Longest term accepted: a school year and a little more, so a typo cannot make a feed of decades. */
    public static final int MAX_TERM_DAYS = 400;

    public TermCalendar {
        LocalDate first = date("termCalendar.firstDay", firstDay);
        LocalDate last = date("termCalendar.lastDay", lastDay);
        if (last.isBefore(first)) {
            throw new SettingException("termCalendar.lastDay", SettingProblem.TERM_ENDS_BEFORE_START,
                    "termCalendar.lastDay " + lastDay + " is before firstDay " + firstDay, lastDay, firstDay);
        }
        if (first.plusDays(MAX_TERM_DAYS).isBefore(last)) {
            throw new SettingException("termCalendar.lastDay", SettingProblem.TERM_TOO_LONG, "termCalendar: a term is at most "
                    + MAX_TERM_DAYS + " days, got " + firstDay + " to " + lastDay, MAX_TERM_DAYS, firstDay, lastDay);
        }
        TreeSet<String> days = new TreeSet<>();
        for (String holiday : holidays == null ? List.<String>of() : holidays) {
            LocalDate day = date("termCalendar.holidays", holiday);
            if (day.isBefore(first) || day.isAfter(last)) {
                throw new SettingException("termCalendar.holidays", SettingProblem.HOLIDAY_OUTSIDE_TERM, "termCalendar.holidays: "
                        + holiday + " is outside the term " + firstDay + " to " + lastDay, holiday, firstDay, lastDay);
            }
            days.add(day.toString());
        }
        holidays = List.copyOf(days);
        if (weekdays == null || weekdays.isEmpty()) {
            throw new SettingException("termCalendar.weekdays", SettingProblem.NO_WEEKDAYS,
                    "termCalendar.weekdays must list at least one weekday, e.g. [\"MONDAY\"]");
        }
        TreeSet<DayOfWeek> sorted = new TreeSet<>();
        for (String name : weekdays) {
            try {
                sorted.add(DayOfWeek.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SettingException("termCalendar.weekdays", SettingProblem.NOT_A_WEEKDAY,
                        "termCalendar.weekdays: '" + name + "' is not a weekday (MONDAY … SUNDAY)", name);
            }
        }
        weekdays = sorted.stream().map(DayOfWeek::name).toList();
    }

    public LocalDate firstDate() {
        return LocalDate.parse(firstDay);
    }

    public LocalDate lastDate() {
        return LocalDate.parse(lastDay);
    }

    public List<LocalDate> holidayDates() {
        return holidays.stream().map(LocalDate::parse).toList();
    }

    public boolean runsOn(DayOfWeek day) {
        return weekdays.contains(day.name());
    }

    /** Every school day of the term in order: a listed weekday that is not a holiday. */
    public List<LocalDate> schoolDays() {
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> off = holidayDates();
        for (LocalDate d = firstDate(); !d.isAfter(lastDate()); d = d.plusDays(1)) {
            if (runsOn(d.getDayOfWeek()) && !off.contains(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new SettingException(field, SettingProblem.NOT_A_DATE, field + ": '" + value + "' is not a date (YYYY-MM-DD)", value);
        }
    }
}
