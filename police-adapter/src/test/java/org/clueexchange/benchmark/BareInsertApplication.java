package org.clueexchange.benchmark;

import java.net.URI;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor an adapter's accept rate is compared with: the same HTTP stack (Spring MVC on Tomcat, Hikari to the same
 * PostgreSQL), and for each request one INSERT of its body before a 202. Its package lies outside
 * {@code org.clueexchange.police}, so the police adapter's component scan never picks it up.
 */
@SpringBootApplication
@RestController
public class BareInsertApplication {

    public static final String PATH = "/bare/requests";

    private final JdbcClient jdbc;

    BareInsertApplication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS bare_request (sequence BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)")
                .update();
    }

    @PostMapping(PATH)
    ResponseEntity<Void> accept(@RequestBody String body) {
        long sequence = jdbc.sql("INSERT INTO bare_request (body) VALUES (:body) RETURNING sequence")
                .param("body", body).query(Long.class).single();
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + sequence)).build();
    }
}
