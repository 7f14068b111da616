package org.clueexchange.core.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clueexchange.adapter.access.BearerTokens;
import org.clueexchange.core.access.AccessProperties;
import org.clueexchange.core.access.CoreRole;
import org.clueexchange.core.access.CoreUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The workbench's sign-in on the core's own user store: the officer's id and the token the API takes as bearer
 * token, compared by its SHA-256 as the API compares it, so that the browser needs no second secret. Only officers
 * sign in: the workbench issues and works statements, which the other roles may not.
 */
final class OfficerSignIn implements AuthenticationProvider {

    private final Map<String, AccessProperties.User> usersById;

    OfficerSignIn(List<AccessProperties.User> users) {
        this.usersById = users.stream().collect(Collectors.toUnmodifiableMap(AccessProperties.User::id,
                Function.identity(), (one, other) -> {
                    throw new IllegalArgumentException("clue-exchange.access.users: two users are named " + one.id());
                }));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        AccessProperties.User user = usersById.get(attempt.getName());
        String token = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString().trim();
        if (user == null || user.role() != CoreRole.OFFICER || !MessageDigest.isEqual(
                BearerTokens.hash(token).getBytes(StandardCharsets.US_ASCII),
                user.tokenSha256().getBytes(StandardCharsets.US_ASCII))) {
            // One answer for an unknown user, a wrong token and another role: the page tells nobody which it was.
            throw new BadCredentialsException("no officer signs in with that id and token");
        }
        CoreUser officer = user.asPrincipal();
        return UsernamePasswordAuthenticationToken.authenticated(officer, null,
                List.of(new SimpleGrantedAuthority(CoreRole.OFFICER.authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
