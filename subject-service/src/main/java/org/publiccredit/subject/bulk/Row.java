package org.publiccredit.subject.bulk;

import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.subject.registry.SubjectInput;

/**
 * One data row of an upload.
 *
 * @param row      its number among the data rows, from 1
 * @param line     the physical line it starts on, from 1 (a CSV header is line 1)
 * @param input    the fields (null when the row could not be read)
 * @param problems why the row could not be read (empty when it could)
 */
record Row(int row, int line, SubjectInput input, List<FieldProblem> problems) {
}
