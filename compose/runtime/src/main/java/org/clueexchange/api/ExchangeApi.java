package org.clueexchange.api;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What every HTTP API of the exchange does around its controllers: it reads no body larger than
 * {@link RequestBodyLimit#MAX_BYTES}, and refuses requests as {@link ApiProblems} says.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiProblems.class)
public class ExchangeApi {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit());
        registration.setUrlPatterns(List.of("/api/*"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
