package dev.gateway.chaos.stores;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RespReaderTest {

    private static Object read(String wire) throws IOException {
        return new RespReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8))).read();
    }

    @Test
    void readsEveryReplyType() throws IOException {
        assertEquals("PONG", read("+PONG\r\n"));
        assertEquals(42L, read(":42\r\n"));
        assertEquals("héllo", read("$6\r\nhéllo\r\n"));
        assertNull(read("$-1\r\n"));
        assertEquals(List.of("0", List.of("tenant:a", "tenant:b")), read("*2\r\n$1\r\n0\r\n*2\r\n$8\r\ntenant:a\r\n$8\r\ntenant:b\r\n"));
        assertEquals(Arrays.asList("a", null), read("*2\r\n$1\r\na\r\n$-1\r\n"));
    }

    @Test
    void anErrorReplyThrows() {
        RespReader.RespError error = assertThrows(RespReader.RespError.class, () -> read("-WRONGTYPE not a hash\r\n"));
        assertEquals("WRONGTYPE not a hash", error.getMessage());
    }

    @Test
    void aReplyCutShortIsAnError() {
        assertThrows(EOFException.class, () -> read("$10\r\nabc"));
        assertThrows(EOFException.class, () -> read(""));
    }

    @Test
    void commandsAreEncodedAsBulkStringArraysWithByteLengths() {
        assertEquals("*2\r\n$3\r\nGET\r\n$3\r\nké\r\n", new String(Resp.encode("GET", "ké"), StandardCharsets.UTF_8));
    }
}
