package dev.pausepoint.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** How to reach a running Postgres server, and the one admin task tests need: a database per service. */
public record PostgresAccess(String host, int port, String username, String password) {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists; safe to call from several JVMs at once. */
    public void createDatabaseIfMissing(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), username, password)) {
            try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                // 42P04 duplicate_database: another process created it between our check and now.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + host + ":" + port, e);
        }
    }
}
