package org.clueexchange.adapter.clues;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A repeated request is answered as the first was (202, the same fact) and says that it is a replay in the header
 * {@value #HEADER}, besides {@code replay} in its body: a system that retried need not read the body to know that
 * nothing new was asserted. Every endpoint that asserts a fact answers with one of the views this looks at.
 */
@ControllerAdvice
class IdempotentReplays implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Idempotent-Replayed";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof AssertedFactView fact && fact.replay()
                || body instanceof SentClueView transfer && Boolean.TRUE.equals(transfer.replay())) {
            response.getHeaders().set(HEADER, "true");
        }
        return body;
    }
}
