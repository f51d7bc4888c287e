package org.publiccredit.commons.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the calendar data files ({@code calendar/<year>.txt}, one per year; format described in the files).
 * A malformed file stops the service at start-up with the line that is wrong: a silently wrong calendar would
 * move every deadline.
 */
public final class CalendarFiles {

    private static final Pattern FILE = Pattern.compile("(\\d{4})\\.txt");

    private CalendarFiles() {
    }

    /** Every year found under {@code location} (a Spring resource pattern such as {@code classpath:calendar/}). */
    public static WorkingCalendar load(String location) {
        Map<Integer, CalendarYear> years = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "*.txt");
            for (Resource r : resources) {
                Matcher m = FILE.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (!m.matches()) {
                    continue;
                }
                int year = Integer.parseInt(m.group(1));
                try (InputStream in = r.getInputStream()) {
                    years.put(year, parse(year, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar files at " + location, e);
        }
        return new WorkingCalendar(years);
    }

    /** Parses one year's file; throws {@link IllegalArgumentException} naming the offending line. */
    public static CalendarYear parse(int year, String text) {
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> workdays = new HashMap<>();
        String status = null;
        StringBuilder source = new StringBuilder();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("# Source:")) {
                source.append(line.substring("# Source:".length()).strip());
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 4);
            try {
                switch (parts[0]) {
                    case "status" -> status = parts[1];
                    case "holiday" -> {
                        LocalDate from = date(year, parts[1]);
                        LocalDate to = date(year, parts[2]);
                        if (to.isBefore(from)) {
                            throw new IllegalArgumentException("range ends before it starts");
                        }
                        String name = parts.length > 3 ? parts[3] : "holiday";
                        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                            holidays.put(d, name);
                        }
                    }
                    case "workday" -> {
                        LocalDate d = date(year, parts[1]);
                        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                            throw new IllegalArgumentException("a make-up working day must be a Saturday or Sunday");
                        }
                        workdays.put(d, parts.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "workday");
                    }
                    default -> throw new IllegalArgumentException("unknown entry " + parts[0]);
                }
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException e) {
                throw new IllegalArgumentException("calendar " + year + " line " + (i + 1) + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("calendar " + year + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        for (LocalDate d : workdays.keySet()) {
            if (holidays.containsKey(d)) {
                throw new IllegalArgumentException("calendar " + year + ": " + d + " is both a holiday and a working day");
            }
        }
        if (!"OFFICIAL".equals(status) && !"PROVISIONAL".equals(status)) {
            throw new IllegalArgumentException("calendar " + year + ": status must be OFFICIAL or PROVISIONAL");
        }
        return new CalendarYear(year, status, source.isEmpty() ? null : source.toString(), holidays, workdays);
    }

    private static LocalDate date(int year, String text) {
        LocalDate d = LocalDate.parse(text);
        if (d.getYear() != year) {
            throw new IllegalArgumentException(text + " is not in " + year);
        }
        return d;
    }
}
