package org.clueexchange.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers a request whose path Tomcat refuses to read, before any filter or controller sees it, as every other
 * refusal is answered: a 400 problem naming the path variable that holds what no path may hold (a percent-encoded
 * NUL, slash or backslash, bytes that are no UTF-8), by the application's own mappings, or {@code path}. Tomcat
 * itself would answer with a page of HTML.
 */
final class UnreadablePaths extends ValveBase {

    static final String PATH = "path";
    static final String REFUSAL = "holds what no path may hold: an encoded NUL, slash or backslash, or bytes that "
            + "are no UTF-8";

    private final Supplier<Collection<String>> patterns;
    private final Supplier<ObjectMapper> json;

    /** @param patterns the application's mapped paths, e.g. {@code /api/ledger/clues/{clueId}} */
    UnreadablePaths(Supplier<Collection<String>> patterns, Supplier<ObjectMapper> json) {
        super(true);
        this.patterns = patterns;
        this.json = json;
    }

    /**
     * A path Tomcat could not read is mapped to no application and already marked as a 400 when it reaches the
     * host, so it is answered here, instead of by Tomcat's error page after the application was not called.
     */
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() != null || !response.isError()
                || response.getStatus() != HttpStatus.BAD_REQUEST.value() || !response.setErrorReported()) {
            getNext().invoke(request, response);
            return;
        }
        response.setSuspended(false);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
            writer.write(json.get().writeValueAsString(ApiProblems.problem(ProblemType.INVALID_REQUEST, List.of(
                    new ApiProblems.FieldError(fieldOf(request.getRequestURI(), patterns.get()), REFUSAL)))));
            response.finishResponse();
        }
    }

    /**
     * The variable of the first of {@code patterns} that {@code rawPath} matches segment by segment and whose
     * segment cannot be read, or {@link #PATH}.
     */
    static String fieldOf(String rawPath, Collection<String> patterns) {
        String[] segments = rawPath.split("/", -1);
        for (String pattern : patterns) {
            String[] parts = pattern.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            String field = null;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                boolean variable = parts[i].startsWith("{") && parts[i].endsWith("}");
                if (variable && field == null && !readable(segments[i])) {
                    field = parts[i].substring(1, parts[i].length() - 1);
                }
                matches = variable || parts[i].equals(segments[i]);
            }
            if (matches && field != null) {
                return field;
            }
        }
        return PATH;
    }

    /** Whether a segment as sent decodes to text a path may hold. */
    static boolean readable(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (!isHex(segment, i + 1) || !isHex(segment, i + 2)) {
                    return false;
                }
                bytes.write(HexFormat.fromHexDigits(segment, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] decoded = bytes.toByteArray();
        for (byte b : decoded) {
            if (b == 0 || b == '/' || b == '\\') {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(String text, int at) {
        return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
    }
}
