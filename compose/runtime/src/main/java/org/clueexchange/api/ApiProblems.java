package org.clueexchange.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How every HTTP API of the exchange refuses a request: an RFC 9457 problem whose {@code type} says what kind of
 * problem it is ({@link ProblemType}), whose {@code errors} name each field and why, in the order of the fields, and
 * whose {@code detail} says the same in one line, so that an agency system can log or show it as is. A request wrong
 * in more than {@link #ERRORS_SHOWN} places is told the first of them and how many more there are: a list of
 * thousands of bad entries gets an answer of a few kilobytes.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    static final int ERRORS_SHOWN = 100;

    /** One refused field, by its path in the request ({@code officials[0].rank}) or its parameter name. */
    public record FieldError(String field, String message) {
    }

    /** A refusal, with {@code Retry-After} in seconds where waiting is all it takes. */
    @ExceptionHandler(RequestRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(RequestRefusedException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.type().status());
        e.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds())));
        return answer.body(problem(e.type(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return problem(ProblemType.INVALID_REQUEST, e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return problem(ProblemType.INVALID_REQUEST, e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), error.getDefaultMessage())))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail mistypedParameter(MethodArgumentTypeMismatchException e) {
        return problem(ProblemType.INVALID_REQUEST, List.of(new FieldError(e.getName(),
                "'" + e.getValue() + "' is not " + expected(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(ProblemType.INVALID_REQUEST, List.of(new FieldError(e.getParameterName(), "is required")));
    }

    /**
     * A body that is no JSON of the request's shape, naming the field whose value is of the wrong kind where the
     * body is JSON; or a body beyond {@link RequestBodyLimit#MAX_BYTES}.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof RequestBodyLimit.TooLarge) {
            return problem(ProblemType.BODY_TOO_LARGE, List.of(new FieldError("body",
                    "is larger than " + RequestBodyLimit.MAX_BYTES + " bytes")));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String reason = mapping instanceof InvalidFormatException format
                    ? "'" + abbreviated(format.getValue()) + "' is not " + expected(format.getTargetType())
                    : mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "must be " + expected(mismatch.getTargetType())
                    : "cannot be read: " + mapping.getOriginalMessage();
            return problem(ProblemType.INVALID_REQUEST, List.of(new FieldError(path(mapping), reason)));
        }
        return problem(ProblemType.INVALID_REQUEST, List.of(new FieldError("body", "is not a JSON document of the "
                + "expected shape")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, List.of(new FieldError("Content-Type",
                "must be application/json, not " + e.getContentType())));
    }

    /**
     * The exchange's problem for a refusal: its type, the errors in field order, as many as are shown, and the
     * detail that names them.
     */
    public static ProblemDetail problem(ProblemType type, List<FieldError> errors) {
        List<FieldError> shown = errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .limit(ERRORS_SHOWN).toList();
        String detail = shown.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), errors.size() > shown.size()
                ? detail + "; and " + (errors.size() - shown.size()) + " more" : detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setProperty("errors", shown);
        return problem;
    }

    /** Answers a refusal that never reaches a controller, such as a security filter's, with its problem. */
    public static void respond(HttpServletResponse response, ObjectMapper json, ProblemType type, FieldError error)
            throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem(type, List.of(error)));
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter " + result.getMethodParameter().getParameterIndex() : name;
    }

    /** What a value of {@code type} is in JSON, in the words of a client that wrote something else. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a valid " + type.getSimpleName() + ", e.g. 2020-06-10T10:00:00+08:00";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a valid " + type.getSimpleName() + " number";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a valid " + type.getSimpleName();
    }

    /** A refused value as the answer repeats it: enough to recognise, never the megabyte a client sent. */
    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        int end = Character.isHighSurrogate(text.charAt(Math.min(63, text.length() - 1))) ? 63 : 64;
        return text.length() <= 64 ? text : text.substring(0, end) + "…";
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
