package dev.pausepoint.billing.usage;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UsageRepository {

    private final JdbcClient jdbc;

    public UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int pausesUsed(String developerId, LocalDate periodStart) {
        return jdbc.sql("SELECT pauses_used FROM monthly_usage WHERE developer_id = ? AND period_start = ?")
                .params(developerId, Date.valueOf(periodStart))
                .query(Integer.class).optional().orElse(0);
    }
}
