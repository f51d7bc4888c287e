package org.publiccredit.subject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only look into the subject database of the local stack, for what the API does not show. */
final class Db {

    private Db() {
    }

    static List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(System.getProperty("subject.db.url", "jdbc:postgresql://127.0.0.1:15432/subject"),
                "subject", "subject"); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long number(String sql, Object... args) {
        return ((Number) query(sql, args).getFirst().values().iterator().next()).longValue();
    }
}
