package org.clueexchange.core.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clueexchange.adapter.access.BearerTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognises the bearer token of a configured user and makes that user the request's principal; a request without
 * one stays anonymous, and the security chain decides what an anonymous request may reach.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final Map<String, CoreUser> usersByTokenHash;

    BearerTokenFilter(List<AccessProperties.User> users) {
        this.usersByTokenHash = users.stream().collect(Collectors.toUnmodifiableMap(AccessProperties.User::tokenSha256,
                AccessProperties.User::asPrincipal, (one, other) -> {
                    throw new IllegalArgumentException("clue-exchange.access.users: " + one.id() + " and "
                            + other.id() + " have the same token");
                }));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tokenHash = BearerTokens.hashOf(request.getHeader("Authorization"));
        CoreUser user = tokenHash == null ? null : usersByTokenHash.get(tokenHash);
        if (user != null) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user, null, List.of(new SimpleGrantedAuthority(user.role().authority()))));
        }
        chain.doFilter(request, response);
    }
}
