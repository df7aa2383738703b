package dev.pausepoint.billing.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeveloperRepository {

    private final JdbcClient jdbc;

    public DeveloperRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code developer}; an email already taken in any case is {@link EmailTakenException}. */
    public void insert(Developer developer) {
        try {
            jdbc.sql("INSERT INTO developer (id, email, name, password_hash, plan, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(developer.id(), developer.email(), developer.name(), developer.passwordHash(),
                            developer.plan(), Timestamp.from(developer.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException(developer.email());
        }
    }

    public Optional<Developer> findByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT * FROM developer WHERE lower(email) = ?").param(normalizedEmail)
                .query(DeveloperRepository::map).optional();
    }

    public Optional<Developer> findById(String id) {
        return jdbc.sql("SELECT * FROM developer WHERE id = ?").param(id).query(DeveloperRepository::map).optional();
    }

    public void updatePasswordHash(String developerId, String passwordHash) {
        jdbc.sql("UPDATE developer SET password_hash = ? WHERE id = ?").params(passwordHash, developerId).update();
    }

    /** The developer's plan, locked until the transaction ends so plan changes to one developer happen in turn. */
    public Optional<String> lockPlan(String developerId) {
        return jdbc.sql("SELECT plan FROM developer WHERE id = ? FOR UPDATE").param(developerId).query(String.class)
                .optional();
    }

    public void updatePlan(String developerId, String plan) {
        jdbc.sql("UPDATE developer SET plan = ? WHERE id = ?").params(plan, developerId).update();
    }

    private static Developer map(ResultSet row, int number) throws SQLException {
        return new Developer(row.getString("id"), row.getString("email"), row.getString("name"),
                row.getString("password_hash"), row.getString("plan"), instant(row, "created_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
