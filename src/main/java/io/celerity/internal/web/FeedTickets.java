package io.celerity.internal.web;

import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tickets that let a WebSocket handshake stand for a caller who authenticated on the REST API: a browser cannot put a
 * header of its own (a bearer token) on a handshake. A ticket is
 * random, used once, valid for {@value #VALID_SECONDS} seconds and on the node that issued it only (it lives in this
 * node's memory).
 */
@ApplicationScoped
public class FeedTickets {

    static final long VALID_SECONDS = 30;
    /** Tickets outstanding at most: callers that ask for more than they use cannot fill the memory. */
    static final int MAX_OUTSTANDING = 10_000;
    /** Tickets one caller may have outstanding: one caller cannot keep the others from getting any. */
    static final int MAX_PER_CALLER = 50;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();

    @Inject
    @CelerityClock
    Clock clock;

    /** A ticket and until when it is valid. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private record Issued(Caller caller, Instant expiresAt) {
    }

    /** A new ticket for this caller. */
    synchronized Ticket issue(Caller caller) {
        Instant now = clock.instant();
        tickets.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        if (tickets.size() >= MAX_OUTSTANDING || tickets.values().stream()
                .filter(issued -> Objects.equals(issued.caller().name(), caller.name())).count() >= MAX_PER_CALLER) {
            throw new ApiProblem(429, "Too many requests", "too many feed tickets are outstanding; open the feed "
                    + "with the ones you have, or try again in " + VALID_SECONDS + " s");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(Duration.ofSeconds(VALID_SECONDS));
        tickets.put(ticket, new Issued(caller, expiresAt));
        return new Ticket(ticket, expiresAt);
    }

    /** The caller a ticket was issued to, once: the ticket is gone after this, valid or not. */
    Optional<Caller> redeem(String ticket) {
        Issued issued = ticket == null ? null : tickets.remove(ticket);
        return issued == null || !issued.expiresAt().isAfter(clock.instant()) ? Optional.empty()
                : Optional.of(issued.caller());
    }
}
