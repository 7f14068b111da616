package org.clueexchange.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whichever infrastructure the environment selects is a working broker and database server. */
class ExchangeInfrastructureTest {

    @TempDir
    static Path workDir;
    static ExchangeInfrastructure infrastructure;

    @BeforeAll
    static void start() {
        infrastructure = ExchangeInfrastructure.start(workDir);
        System.out.println("Integration infrastructure: " + infrastructure.description());
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void theBrokerTakesAndGivesBackARecord() throws Exception {
        String bootstrap = infrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get();
        }
        Properties producer = new Properties();
        producer.put("bootstrap.servers", bootstrap);
        try (KafkaProducer<String, String> out =
                     new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            out.send(new ProducerRecord<>("probe", "530600", "移送")).get();
        }
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", bootstrap);
        consumer.put("group.id", "probe");
        consumer.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> in =
                     new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            in.subscribe(List.of("probe"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 60 && records.isEmpty(); i++) {
                records = in.poll(Duration.ofMillis(500));
            }
            assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("移送"));
        }
    }

    @Test
    void eachComponentGetsADatabaseOfItsOwn() throws Exception {
        Database database = infrastructure.postgres().createDatabase("probe_db");
        try (Connection connection =
                     DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("probe_db");
        }
    }
}
