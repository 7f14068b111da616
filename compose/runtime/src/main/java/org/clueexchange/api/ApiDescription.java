package org.clueexchange.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * How every HTTP API of the exchange describes itself at {@code /v3/api-docs} (OpenAPI 3): each operation with the
 * status it answers when it succeeds and each problem it may answer, as {@link ApiProblems} writes them (RFC 9457,
 * {@code application/problem+json}), and the bearer token its paths need. The problems follow from the operation's
 * shape (400 where it takes input, 413 and 415 where it takes a body, 401 where it needs a token) and from its
 * {@link Answers}: the refusals its services may make.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    /** The name of the problem's schema among the description's components. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final String BEARER = "bearer";
    private static final String FIELD_ERROR = ApiProblems.FieldError.class.getSimpleName();
    private static final Map<HttpStatus, String> PROBLEMS = Map.of(
            HttpStatus.BAD_REQUEST, "the request breaks a rule of the exchange: errors names each field by its path "
                    + "in the body (officials[0].rank), a parameter by its name, and a body that is no JSON of this "
                    + "shape as body",
            HttpStatus.UNAUTHORIZED, "no bearer token of a configured caller (errors names Authorization)",
            HttpStatus.FORBIDDEN, "the caller may not make this request: its role, or the jurisdiction the "
                    + "request concerns, is not its own",
            HttpStatus.NOT_FOUND, "the request names something this application does not hold, or not for this "
                    + "caller",
            HttpStatus.CONFLICT, "the request is right but comes too early (type not-yet-possible: send it again "
                    + "once what it acts on is there), or contradicts what is recorded of the clue another way (type "
                    + "conflicts-with-record)",
            HttpStatus.UNPROCESSABLE_ENTITY, "the recordId already stands for another request of this kind about "
                    + "this clue (type record-id-reused)",
            HttpStatus.PAYLOAD_TOO_LARGE, "a body larger than " + RequestBodyLimit.MAX_BYTES
                    + " bytes (errors names body)",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a body that is not application/json (errors names Content-Type)");

    /** The description of an application's API, {@code info} saying what it is; every operation needs a token. */
    public static OpenAPI of(Info info) {
        return new OpenAPI().info(info)
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    /**
     * Shows each operation's success under the status it answers, and the problems its shape and its
     * {@link Answers} say it may answer; then the problem's schema, and 401 on each operation that needs a token.
     */
    static final class ProblemResponses implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

        @Override
        public Operation customize(Operation operation, HandlerMethod handler) {
            Answers answers = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Answers.class);
            HttpStatus success = answers == null ? HttpStatus.OK : answers.status();
            ApiResponses responses = operation.getResponses();
            // springdoc shows what the method returns as a 200, whatever status the method answers with
            ApiResponse described = responses.remove(String.valueOf(HttpStatus.OK.value()));
            responses.addApiResponse(String.valueOf(success.value()), (described == null ? new ApiResponse()
                    : described).description(success.getReasonPhrase()));
            SortedSet<HttpStatus> problems = new TreeSet<>();
            if (operation.getRequestBody() != null || !(operation.getParameters() == null
                    || operation.getParameters().isEmpty())) {
                problems.add(HttpStatus.BAD_REQUEST);
            }
            if (operation.getRequestBody() != null) {
                problems.add(HttpStatus.PAYLOAD_TOO_LARGE);
                problems.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            }
            if (answers != null) {
                for (ProblemType refusal : answers.refuses()) {
                    problems.add(refusal.status());
                }
            }
            problems.forEach(status -> addProblem(responses, status));
            return operation;
        }

        @Override
        public void customise(OpenAPI api) {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getComponents().addSchemas(FIELD_ERROR, ModelConverters.getInstance()
                    .read(ApiProblems.FieldError.class).get(FIELD_ERROR));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                List<SecurityRequirement> security = operation.getSecurity() == null ? api.getSecurity()
                        : operation.getSecurity();
                if (security != null && !security.isEmpty()) {
                    addProblem(operation.getResponses(), HttpStatus.UNAUTHORIZED);
                }
                ApiResponses byStatus = new ApiResponses();
                new TreeMap<>(operation.getResponses()).forEach(byStatus::addApiResponse);
                operation.setResponses(byStatus);
            }));
        }

        private static void addProblem(ApiResponses responses, HttpStatus status) {
            responses.addApiResponse(String.valueOf(status.value()), new ApiResponse()
                    .description(status.getReasonPhrase() + ": " + PROBLEMS.get(status))
                    .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType()
                            .schema(new Schema<>().$ref(PROBLEM)))));
        }

        /** The problem as {@link ApiProblems#problem} writes it, and as the refusals of bearer tokens do. */
        private static Schema<?> problemSchema() {
            ArraySchema errors = new ArraySchema();
            errors.setItems(new Schema<>().$ref(FIELD_ERROR));
            errors.setMaxItems(ApiProblems.ERRORS_SHOWN);
            errors.setDescription("each refused field and why, in the order of the fields, the first "
                    + ApiProblems.ERRORS_SHOWN + " of them");
            ObjectSchema problem = new ObjectSchema();
            problem.setDescription("A refused request (RFC 9457)");
            problem.addProperty("type", new StringSchema().format("uri-reference")
                    .description("what kind of problem it is; about:blank when the status says it all"));
            problem.addProperty("title", new StringSchema().description("the status in words"));
            problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
            problem.addProperty("detail", new StringSchema().description("every error as field: message, "
                    + "separated by semicolons, and how many more there are beyond those shown"));
            problem.addProperty("instance", new StringSchema().format("uri-reference")
                    .description("the path of the refused request, where a controller refused it"));
            problem.addProperty("errors", errors);
            problem.setRequired(List.of("type", "title", "status", "detail", "errors"));
            return problem;
        }
    }
}
