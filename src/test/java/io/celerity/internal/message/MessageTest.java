package io.celerity.internal.message;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTest {

    private static final Map<String, Message[]> BY_RANGE = Map.of(
            "00", DeploymentMessage.values(),
            "01", ApiUseMessage.values(),
            "02", WorkerMessage.values(),
            "03", StoreMessage.values(),
            "04", JsonMessage.values(),
            "05", EventMessage.values(),
            "06", WebMessage.values());

    @Test
    void everyTemplate_startsWithAnIdOfItsEnumsRange() {
        BY_RANGE.forEach((range, messages) -> {
            for (Message message : messages) {
                assertTrue(message.template().matches("CELERITY-" + range + "\\d\\d: \\S.*"), message.template());
            }
        });
    }

    @Test
    void format_putsEachArgumentAsItsString() {
        assertEquals("CELERITY-0205: unknown task 'mail': no @BackgroundTask of this application has that name",
                WorkerMessage.UNKNOWN_TASK.format("mail"));
        assertEquals("CELERITY-0403: 2 stored arguments, but the method takes 3", JsonMessage.ARGUMENT_COUNT.format(2, 3));
        assertEquals("CELERITY-0601: incident 42 on null", WebMessage.INCIDENT.format(42, null));
    }

    @Test
    void messagesFullOfQuotesAndPercentArguments_comeOutAsWritten() {
        assertEquals("CELERITY-0033: celerity.api.path is '100%'; use a path such as celerity/api (letters, digits, "
                + "'-', '.', '_', '~' and '/')", DeploymentMessage.BAD_WEB_PATH.format("celerity.api.path", "100%", "celerity/api"));
    }

    @Test
    void aTemplateWithoutArguments_isTheMessage() {
        assertEquals("CELERITY-0203: the message has no valid task id", WorkerMessage.NO_VALID_TASK_ID.format());
    }
}
