package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers test recipients give by themselves, due at a time (table {@code test_answer}). The due work
 * is the timeout sweeper's pattern: the index on the due time, batches, and {@code FOR UPDATE SKIP LOCKED},
 * so every instance may run it and each answer is taken once.
 */
@Repository
public class TestAnswerRepository {

    private final JdbcClient jdbc;

    public TestAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An answer due at {@code dueAt}, as a statement to run with its pause's insert. */
    Outbox.Write insertion(String pauseId, String choice, Instant dueAt) {
        return new Outbox.Write("INSERT INTO test_answer (pause_id, choice, due_at) VALUES (?, ?, ?)", pauseId, choice,
                Timestamp.from(dueAt));
    }

    /** An answer taken from the table: the pause it is for and the choice it makes. */
    record Due(String pauseId, String choice) {
    }

    /**
     * Removes up to {@code limit} answers due at {@code now}, the longest due first, and returns them. Run
     * inside the transaction that records them: a row another transaction holds is skipped, and a rollback
     * puts it back.
     */
    List<Due> takeDue(Instant now, int limit) {
        return jdbc.sql("""
                DELETE FROM test_answer WHERE pause_id IN (
                    SELECT pause_id FROM test_answer WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING pause_id, choice""")
                .params(Timestamp.from(now), limit)
                .query((row, number) -> new Due(row.getString("pause_id"), row.getString("choice"))).list();
    }
}
