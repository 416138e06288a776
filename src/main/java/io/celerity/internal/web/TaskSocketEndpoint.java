package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WebMessage;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@value #PATH}: the caller's tasks, live. The query parameters filter as the REST list does ({@code id=<task id>}
 * for one task, {@code provider=7}, {@code state.not=REVOKED}, on the task's id, name, state, node and the
 * application's fields). The feed sends a snapshot of the matching tasks first, then every change from whichever
 * node made it. A subscription to a task or an owner the caller may not see is refused (close code 1008).
 */
@ServerEndpoint(value = TaskSocketEndpoint.PATH, configurator = TaskSocketEndpoint.CallerCapture.class)
public class TaskSocketEndpoint {

    public static final String PATH = "/celerity/tasks";
    /** The query parameter with a ticket from {@code POST <api>/feed-tickets}, instead of credentials. */
    static final String TICKET = "ticket";

    private static final String CALLER = "io.celerity.caller";

    private static final Logger LOG = Logger.getLogger(TaskSocketEndpoint.class.getName());

    @Inject
    TaskSockets sockets;

    @OnOpen
    public void open(Session session) {
        sockets.open(session, (Caller) session.getUserProperties().get(CALLER));
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.close(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.WARNING, WebMessage.SOCKET_FAILED.format(session.getId()), error);
        sockets.close(session);
    }

    /**
     * Remembers who opened the socket: the security context of the handshake does not reach the socket's callbacks,
     * so every later decision is made on what is captured here.
     */
    public static class CallerCapture extends ServerEndpointConfig.Configurator {

        // the WebSocket container creates the configurator, outside CDI: it reads the web keys itself, through the
        // same checks as the extension
        private final CelerityConfig.Web web =
                CelerityConfig.Web.read(ConfigProvider.getConfig(CallerCapture.class.getClassLoader()));

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> ticket = request.getParameterMap().get(TICKET);
            Caller caller;
            if (ticket != null) {
                // the guard let the handshake through for its ticket: only that ticket, once, stands for a caller
                caller = ticket.size() == 1
                        ? CDI.current().select(FeedTickets.class).get().redeem(ticket.get(0)).orElse(null) : null;
            } else if (request.getUserPrincipal() == null && !web.open()) {
                caller = null;
            } else {
                caller = Caller.of(request.getUserPrincipal(), request::isUserInRole, web);
            }
            // a handshake without a caller (a bad ticket) opens, and the socket refuses it with 1008 and the reason
            config.getUserProperties().put(CALLER, caller);
        }
    }
}
