package org.clueexchange.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request body be read up to {@link #MAX_BYTES} and no further: whoever reads on gets {@link TooLarge}, which
 * {@link ApiProblems} answers with 413. A body that says it is larger is refused at its first byte; one sent in
 * chunks, when it grows past the limit, so that an oversized request never sits whole in memory.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    /**
     * 1 MiB. The largest valid request, a transfer with every list full and every text at its limit in Chinese,
     * takes 360,000 bytes of JSON in UTF-8, and 700,000 with every Chinese character escaped in six ASCII
     * characters, as many JSON libraries write them by default.
     */
    public static final long MAX_BYTES = 1024 * 1024;

    /** A body read past {@link #MAX_BYTES}. */
    public static final class TooLarge extends IOException {

        TooLarge() {
            super("the request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {

            private ServletInputStream body;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (body == null) {
                    body = new Limited(request.getInputStream(), request.getContentLengthLong());
                }
                return body;
            }

            @Override
            public BufferedReader getReader() throws IOException {
                Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                        : Charset.forName(request.getCharacterEncoding());
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        }, response);
    }

    private static final class Limited extends ServletInputStream {

        private final ServletInputStream body;
        private final long declaredLength;
        private long read;

        Limited(ServletInputStream body, long declaredLength) {
            this.body = body;
            this.declaredLength = declaredLength;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (declaredLength > MAX_BYTES) {
                throw new TooLarge();
            }
            int count = body.read(buffer, offset, length);
            read += Math.max(count, 0);
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
            return count;
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
