package org.publiccredit.record.creditrecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The values of many rows as one text array per column, bound to a set statement ({@code unnest(?::text[], …)}, cast
 * back in SQL): one statement per chunk whatever its size, instead of one bound row each. The chunk writes of
 * {@link RecordRepository} and the feed rows of {@code RecordWriter} use it.
 */
public final class TextColumns {

    private final String[][] values;
    private int row;

    public TextColumns(int rows, int columns) {
        values = new String[columns][rows];
    }

    /** The next row's values, one per column in order ({@code toString()}; null stays null). */
    public void add(Object... row) {
        for (int col = 0; col < row.length; col++) {
            values[col][this.row] = row[col] == null ? null : row[col].toString();
        }
        this.row++;
    }

    /** Binds the columns as the statement's parameters 1..n. */
    public PreparedStatement bind(PreparedStatement ps, Connection con) throws SQLException {
        for (int col = 0; col < values.length; col++) {
            ps.setArray(col + 1, con.createArrayOf("text", values[col]));
        }
        return ps;
    }
}
