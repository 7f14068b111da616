package org.clueexchange.core.workbench;

import org.clueexchange.core.access.AccessProperties;
import org.clueexchange.core.access.CoreRole;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who reaches the workbench: an officer signed in by form, held in a session, every form carrying its CSRF token.
 * The chain serves only the workbench's paths and its assets; the API keeps its own stateless bearer-token chain,
 * so that a browser's session never authenticates an API call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WorkbenchProperties.class)
class WorkbenchSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain workbenchChain(HttpSecurity http, AccessProperties access) throws Exception {
        return http
                .securityMatcher("/workbench", "/workbench/**", "/webjars/**")
                .authenticationProvider(new OfficerSignIn(access.users()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/workbench/login", "/workbench/assets/**", "/webjars/**").permitAll()
                        .anyRequest().hasRole(CoreRole.OFFICER.name()))
                .formLogin(form -> form.loginPage("/workbench/login").defaultSuccessUrl("/workbench", true)
                        .failureUrl("/workbench/login?error"))
                .logout(logout -> logout.logoutUrl("/workbench/logout").logoutSuccessUrl("/workbench/login?out"))
                .httpBasic(basic -> basic.disable())
                // ECharts styles its own tooltips inline; scripts come from the jar alone.
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
