package org.publiccredit.report.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The local stack only ({@code platform.database.bootstrap.enabled}, profile local): ./platform creates each service's
 * role and database when it initialises PostgreSQL's data directory, which happens once. A data directory made before
 * this service existed has no {@code report} database, so before the first connection (Flyway's) the service creates
 * its role and database (named like the user, as every local database) with the local superuser if they are missing. Production databases are made by their operator.
 */
@Configuration
@ConditionalOnProperty(name = "platform.database.bootstrap.enabled", havingValue = "true")
class LocalDatabaseBootstrap {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabaseBootstrap.class);

    @Bean
    static BeanPostProcessor reportDatabaseBootstrap(Environment env) {
        return new BeanPostProcessor() {
            private boolean done;

            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource && !done) {
                    done = true;
                    ensure(env);
                }
                return bean;
            }
        };
    }

    private static void ensure(Environment env) {
        String name = env.getProperty("spring.datasource.username", "report");
        String password = env.getProperty("spring.datasource.password", name);
        if (!name.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalStateException("unexpected database user name for the local bootstrap");
        }
        try (Connection c = DriverManager.getConnection(env.getRequiredProperty("platform.database.bootstrap.url"),
                env.getRequiredProperty("platform.database.bootstrap.username"),
                env.getRequiredProperty("platform.database.bootstrap.password"));
                Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                log.info("created the local role {}", name);
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
                log.info("created the local database {}", name);
            }
        } catch (SQLException e) {
            // not fatal here: the service's own connection then reports what is wrong
            log.warn("local database bootstrap skipped: {}", e.getMessage());
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
