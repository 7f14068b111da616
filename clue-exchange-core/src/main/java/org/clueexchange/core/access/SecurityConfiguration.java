package org.clueexchange.core.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.clueexchange.api.ApiDescription;
import org.clueexchange.api.ApiProblems;
import org.clueexchange.api.ProblemType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who reaches what on the core. Everything needs a role but the health check and the API's own description;
 * what lies within an officer's jurisdiction the controllers decide, as only they know what a request concerns.
 * The command line runs the core without a web server, and so without this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    private static final String OFFICER = CoreRole.OFFICER.name();
    private static final String OPERATOR = CoreRole.OPERATOR.name();
    private static final String AUDITOR = CoreRole.AUDITOR.name();

    @Bean
    SecurityFilterChain coreSecurity(HttpSecurity http, AccessProperties access, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(access.users()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers("/api/operations/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/audit/clues/**").hasAnyRole(OFFICER, AUDITOR)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/ledger/**", "/api/gang-cases/**",
                                "/api/reconciliation/**")
                        .hasAnyRole(OFFICER, AUDITOR)
                        .requestMatchers("/api/reconciliation/**").hasRole(OFFICER)
                        .anyRequest().denyAll())
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"clue-exchange-core\"");
                            ApiProblems.respond(response, json, ProblemType.UNAUTHENTICATED, new ApiProblems.FieldError(
                                    "Authorization", "a valid bearer token of a configured user is required"));
                        })
                        .accessDeniedHandler((request, response, e) -> ApiProblems.respond(response, json,
                                ProblemType.NOT_ENTITLED, new ApiProblems.FieldError("Authorization",
                                        "this user's role may not " + request.getMethod() + " "
                                                + request.getRequestURI()))))
                .build();
    }

    /**
     * The core's API description, served at /v3/api-docs: every path under /api needs a bearer token, which stands
     * for the user, so the user is no parameter a caller passes.
     */
    @Bean
    OpenAPI coreApi() {
        return ApiDescription.of(new Info().title("Clue exchange core 线索双向移送核心").version("v1").description(
                "The bidirectional transfer ledger, the monthly reconciliation (一月一对账) on it, and the operations "
                        + "on both, for reconciliation officers, operators and auditors."));
    }
}
