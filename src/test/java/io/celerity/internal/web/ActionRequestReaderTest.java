package io.celerity.internal.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionRequestReaderTest {

    private static ActionRequest read(String body) throws Exception {
        return ActionRequestReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyBodyOrObject_meansNoOptions() throws Exception {
        assertEquals(ActionRequest.NONE, read(""));
        assertEquals(ActionRequest.NONE, read("  \n"));
        assertEquals(ActionRequest.NONE, read("{}"));
        assertEquals(ActionRequest.NONE, read("{\"terminate\": null}"));
        assertEquals(new ActionRequest(false), read("{\"terminate\": false}"));
        assertEquals(new ActionRequest(true), read("{\"terminate\": true}"));
    }

    @Test
    void malformedOrUnknownInput_isABadRequest() {
        for (String body : new String[]{"{\"terminate\": tru", "{\"terminate\": \"yes\"}", "{\"terminat\": true}",
                "[1, 2]", "{", "true", "{\"terminate\": true} trailing"}) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> read(body), body);
            assertEquals(400, problem.status(), body);
        }
    }

    @Test
    void aBodyNestedTooDeep_isABadRequest_thatSaysSo_atAnyDepth() {
        for (int depth : new int[]{ActionRequestReader.MAX_DEPTH + 1, 500, 1000, 5000}) {
            String body = "{\"terminate\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
            ApiProblem problem = assertThrows(ApiProblem.class, () -> read(body), "depth " + depth);
            assertEquals(400, problem.status());
            assertTrue(problem.getMessage().startsWith("CELERITY-0406"), problem.getMessage());
        }
    }
}
