package org.publiccredit.record.stats;

import java.time.YearMonth;
import java.util.List;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.stats.StatsController.DepartmentMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month's figures per department: the ingest counters, and 双公示 timeliness over the categories the catalog marks
 * {@code doublePublicity} (read at each call: the catalog can change at run time).
 */
@Repository
class DepartmentStats {

    private final JdbcClient jdbc;
    private final Catalog catalog;

    DepartmentStats(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The categories whose timeliness is measured. */
    String[] doublePublicityCategories() {
        return catalog.all().stream().filter(CatalogEntry::doublePublicity).map(CatalogEntry::code).toArray(String[]::new);
    }

    /** One row per department of the month; {@code only} restricts to one department (null: all). */
    List<DepartmentMonth> departments(YearMonth ym, String only) {
        String[] categories = doublePublicityCategories();
        return jdbc.sql("""
                WITH pushed AS (
                    SELECT department, created, updated, unchanged, rejected FROM ingest_counter WHERE month = :month),
                timeliness AS (
                    SELECT department, count(*) AS total, count(*) FILTER (WHERE timely) AS timely FROM credit_record
                    WHERE category = ANY(:categories) AND published_on >= :from AND published_on < :to
                    GROUP BY department)
                SELECT coalesce(p.department, t.department) AS department, coalesce(p.created, 0) AS created,
                       coalesce(p.updated, 0) AS updated, coalesce(p.unchanged, 0) AS unchanged, coalesce(p.rejected, 0) AS rejected,
                       coalesce(t.total, 0) AS total, coalesce(t.timely, 0) AS timely
                FROM pushed p FULL JOIN timeliness t ON p.department = t.department
                WHERE CAST(:only AS text) IS NULL OR coalesce(p.department, t.department) = :only
                ORDER BY 1""")
                .param("month", ym.toString())
                .param("from", java.sql.Date.valueOf(ym.atDay(1)))
                .param("to", java.sql.Date.valueOf(ym.plusMonths(1).atDay(1)))
                .param("only", only)
                .param("categories", categories)
                .query((rs, n) -> {
                    long total = rs.getLong("total");
                    long timely = rs.getLong("timely");
                    return new DepartmentMonth(rs.getString("department"), ym.toString(), rs.getLong("created"),
                            rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"), total, timely,
                            total == 0 ? null : Math.round(timely * 10000.0 / total) / 10000.0);
                }).list();
    }
}
