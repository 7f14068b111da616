package org.clueexchange.adapter.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method the {@link AgencyClient} that {@link BearerTokenAuthentication} let in, as a parameter
 * of that type: every endpoint acts for the client that called it, and none can forget to ask who that is.
 */
public final class AuthenticatedClients implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AgencyClient.class;
    }

    @Override
    public AgencyClient resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest request, WebDataBinderFactory binders) {
        AgencyClient client = AgencyClient.of(request.getNativeRequest(HttpServletRequest.class));
        if (client == null) {
            throw new IllegalStateException(parameter.getExecutable() + " is not behind the bearer token filter");
        }
        return client;
    }
}
