package org.clueexchange.adapter.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method the {@link AgencyClient} or {@link Operator} that {@link BearerTokenAuthentication} let
 * in, as a parameter of that type: every endpoint acts for the caller that called it, and none can forget to ask
 * who that is.
 */
public final class AuthenticatedCallers implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AgencyClient.class || parameter.getParameterType() == Operator.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        Object caller = request.getNativeRequest(HttpServletRequest.class)
                .getAttribute(BearerTokenAuthentication.attribute(parameter.getParameterType()));
        if (caller == null) {
            throw new IllegalStateException(parameter.getExecutable() + " is not behind the bearer token filter of "
                    + parameter.getParameterType().getSimpleName());
        }
        return caller;
    }
}
