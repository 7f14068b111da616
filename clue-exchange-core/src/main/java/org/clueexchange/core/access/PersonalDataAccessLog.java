package org.clueexchange.core.access;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clueexchange.api.Answers;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log of personal data (个人信息访问记录): every read of the ledger's or a statement's officials, officers
 * and case details, by whom and when, for the auditors. A read is logged in the request that answers it, so no
 * answer leaves without its line.
 */
@RestController
public class PersonalDataAccessLog {

    /** One read: who, in which role, what. */
    public record Access(Instant accessedAt, String userId, CoreRole role, String resource) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Logs that {@code user} read {@code resource}, e.g. {@code ledger/clues/POLICE-530600-0001}. */
    public void read(CoreUser user, String resource) {
        jdbc.sql("INSERT INTO personal_data_access (accessed_at, user_id, role, resource) "
                        + "VALUES (:at, :user, :role, :resource)")
                .param("at", Timestamps.of(clock.instant())).param("user", user.id())
                .param("role", user.role().name())
                .param("resource", resource.length() > 512 ? resource.substring(0, 512) : resource)
                .update();
    }

    /** The latest reads first. */
    @GetMapping("/api/audit/personal-data-access")
    @Answers(refuses = NOT_ENTITLED)
    List<Access> latest(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                        @AuthenticationPrincipal CoreUser auditor) {
        List<Access> reads = jdbc.sql("SELECT accessed_at, user_id, role, resource FROM personal_data_access "
                        + "ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Access(Timestamps.instant(rs, "accessed_at"), rs.getString("user_id"),
                        CoreRole.valueOf(rs.getString("role")), rs.getString("resource")))
                .list();
        read(auditor, "audit/personal-data-access?limit=" + limit);
        return reads;
    }
}
