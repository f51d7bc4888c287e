package org.publiccredit.subject.registry;

import java.time.LocalDate;

/**
 * A name the subject used before (曾用名), and the date (Asia/Shanghai) it stopped using it.
 *
 * @param name  the former name
 * @param until the date the name changed
 */
public record FormerName(String name, LocalDate until) {
}
