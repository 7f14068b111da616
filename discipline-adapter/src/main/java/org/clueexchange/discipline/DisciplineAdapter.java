package org.clueexchange.discipline;

import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AdapterRuntime;
import org.clueexchange.events.AgencyType;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The discipline adapter: the discipline commission's door to the exchange. It asserts facts as a discipline
 * commission only.
 */
@SpringBootApplication
@Import(AdapterRuntime.class)
public class DisciplineAdapter {

    @Bean
    AdapterAgency adapterAgency() {
        return new AdapterAgency(AgencyType.DISCIPLINE);
    }

    public static void main(String[] args) {
        SpringApplication.run(DisciplineAdapter.class, args);
    }
}
