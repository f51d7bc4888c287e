package org.publiccredit.report.render;

import java.util.List;

/**
 * What a report says, laid out by {@link ReportRenderer}: already in words (zh), in order. Nothing here decides who
 * sees what; the {@code issue} feature built it.
 *
 * @param number the report number
 * @param title the title (e.g. 公共信用信息报告)
 * @param editionLabel the edition in words (公示版 / 完整版 …)
 * @param platformName who issues it
 * @param facts the header lines under the title (number, time, cut-off, requester's view …) as label and value
 * @param sections the sections in the order of the national report
 * @param notes closing remarks (how to verify, what the edition contains)
 * @param verifyUrl the verification URL, drawn as a QR code on page 1 and printed in the footer
 */
public record ReportDocument(String number, String title, String editionLabel, String platformName, List<Row> facts,
        List<Section> sections, List<String> notes, String verifyUrl) {

    public ReportDocument {
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    /**
     * A label and its value.
     *
     * @param label the label
     * @param value the value (wrapped as needed)
     */
    public record Row(String label, String value) {
    }

    /**
     * A section (or a sub-section when {@code level} is 2).
     *
     * @param title its title, numbered (一、… / （一）…)
     * @param level 1 section, 2 sub-section
     * @param rows key-value rows shown before the entries (e.g. registration data)
     * @param entries the records in it
     * @param paragraphs free text (advice)
     * @param emptyText what to print when it has nothing (e.g. 无)
     */
    public record Section(String title, int level, List<Row> rows, List<Entry> entries, List<String> paragraphs, String emptyText) {
        public Section {
            rows = List.copyOf(rows);
            entries = List.copyOf(entries);
            paragraphs = List.copyOf(paragraphs);
        }

        public boolean empty() {
            return rows.isEmpty() && entries.isEmpty() && paragraphs.isEmpty();
        }
    }

    /**
     * One record.
     *
     * @param heading the category and document number
     * @param marks labels drawn in colour after the heading (异议中, 未公示：已修复 …)
     * @param rows its data
     */
    public record Entry(String heading, List<String> marks, List<Row> rows) {
        public Entry {
            marks = List.copyOf(marks);
            rows = List.copyOf(rows);
        }
    }
}
