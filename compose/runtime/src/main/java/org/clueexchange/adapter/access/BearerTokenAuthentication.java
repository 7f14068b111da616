package org.clueexchange.adapter.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lets through only requests that carry the bearer token of a configured {@link AgencyClient}, and hands that
 * client on. Tokens are compared by their SHA-256, so the adapter's configuration holds no usable secret.
 */
public final class BearerTokenAuthentication extends HttpFilter {

    private static final String PREFIX = "Bearer ";

    private final Map<String, AgencyClient> clientsByTokenHash;

    public BearerTokenAuthentication(List<AgencyClient> clients) {
        this.clientsByTokenHash = clients.stream()
                .collect(Collectors.toUnmodifiableMap(AgencyClient::tokenSha256, Function.identity()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        AgencyClient client = authorization != null && authorization.startsWith(PREFIX)
                ? clientsByTokenHash.get(BearerTokens.hash(authorization.substring(PREFIX.length()).trim())) : null;
        if (client == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"clue-exchange\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("""
                    {"type":"about:blank","title":"Unauthorized","status":401,\
                    "detail":"Authorization: a valid bearer token of a configured agency client is required",\
                    "errors":[{"field":"Authorization","message":"a valid bearer token of a configured agency \
                    client is required"}]}""");
            return;
        }
        request.setAttribute(AgencyClient.ATTRIBUTE, client);
        chain.doFilter(request, response);
    }
}
