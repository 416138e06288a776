package io.celerity.internal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Refuses request bodies larger than {@code celerity.api.max-body-size} with 413: at once when the length is
 * declared, else as soon as the body read grows past the limit.
 */
@PreMatching
class BodyLimit implements ContainerRequestFilter {

    private final long max;

    BodyLimit(long max) {
        this.max = max;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > max) {
            request.abortWith(ProblemMapper.problem(413, "Content too large", detail(max),
                    ProblemMapper.instance(request.getUriInfo())).build());
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), max));
    }

    private static String detail(long max) {
        return "the request body is larger than " + max + " bytes (celerity.api.max-body-size)";
    }

    /** What to tell the client if an error was caused, however deep, by a body over the limit. */
    static Optional<String> tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private static final class TooLarge extends IOException {
        TooLarge(long max) {
            super(detail(max));
        }
    }

    /** Counts what is read and fails past the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
