package org.clueexchange.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every HTTP API of the exchange does around its controllers: it reads no body larger than
 * {@link RequestBodyLimit#MAX_BYTES}, takes no control character in a path variable or query parameter
 * ({@link ParameterText}), refuses requests as {@link ApiProblems} says, even those whose path Tomcat cannot read
 * ({@link UnreadablePaths}), and describes what each operation answers as {@link ApiDescription} says.
 */
@Configuration(proxyBeanMethods = false)
@Import({ApiProblems.class, ApiDescription.class})
public class ExchangeApi implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterText()).addPathPatterns("/api/**");
    }

    /** Tomcat answers a path it cannot read itself, so it is told to answer as the exchange does. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadablePaths(ApplicationContext application,
                                                                              ObjectProvider<ObjectMapper> json) {
        UnreadablePaths valve = new UnreadablePaths(() -> application.getBean("requestMappingHandlerMapping",
                        RequestMappingHandlerMapping.class).getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream()).toList(), json::getObject);
        return factory -> factory.addContextCustomizers(context -> context.getParent().getPipeline()
                .addValve(valve));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit());
        registration.setUrlPatterns(List.of("/api/*"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
