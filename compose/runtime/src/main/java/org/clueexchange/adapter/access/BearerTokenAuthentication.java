package org.clueexchange.adapter.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clueexchange.api.ApiProblems;
import org.clueexchange.api.ProblemType;

/**
 * Lets through only requests that carry the bearer token of a configured caller of one kind, agency clients or
 * operators, and hands that caller on. Tokens are compared by their SHA-256, so the adapter's configuration holds no
 * usable secret. Each kind has a filter of its own on paths of its own, so that a client's token never opens an
 * operator's endpoint, nor the other way round.
 */
public final class BearerTokenAuthentication<C> extends HttpFilter {

    private final Map<String, C> callersByTokenHash;
    private final String attribute;
    private final ApiProblems.FieldError refusal;
    private final ObjectMapper json;

    private BearerTokenAuthentication(Class<C> kind, List<C> callers, Function<C, String> tokenSha256, String who,
                                      ObjectMapper json) {
        this.callersByTokenHash = callers.stream()
                .collect(Collectors.toUnmodifiableMap(tokenSha256, Function.identity()));
        this.attribute = attribute(kind);
        this.refusal = new ApiProblems.FieldError("Authorization",
                "a valid bearer token of a configured " + who + " is required");
        this.json = json;
    }

    public static BearerTokenAuthentication<AgencyClient> ofClients(List<AgencyClient> clients, ObjectMapper json) {
        return new BearerTokenAuthentication<>(AgencyClient.class, clients, AgencyClient::tokenSha256,
                "agency client", json);
    }

    public static BearerTokenAuthentication<Operator> ofOperators(List<Operator> operators, ObjectMapper json) {
        return new BearerTokenAuthentication<>(Operator.class, operators, Operator::tokenSha256, "operator", json);
    }

    /** The request attribute under which the authenticated caller of this kind travels to the controllers. */
    static String attribute(Class<?> kind) {
        return kind.getName();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tokenHash = BearerTokens.hashOf(request.getHeader("Authorization"));
        C caller = tokenHash == null ? null : callersByTokenHash.get(tokenHash);
        if (caller == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"clue-exchange\"");
            ApiProblems.respond(response, json, ProblemType.UNAUTHENTICATED, refusal);
            return;
        }
        request.setAttribute(attribute, caller);
        chain.doFilter(request, response);
    }
}
