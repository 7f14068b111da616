package org.clueexchange.police;

import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AdapterRuntime;
import org.clueexchange.events.AgencyType;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The police adapter: the police case system's door to the exchange. It asserts facts as police only. */
@SpringBootApplication
@Import(AdapterRuntime.class)
public class PoliceAdapter {

    @Bean
    AdapterAgency adapterAgency() {
        return new AdapterAgency(AgencyType.POLICE);
    }

    public static void main(String[] args) {
        SpringApplication.run(PoliceAdapter.class, args);
    }
}
