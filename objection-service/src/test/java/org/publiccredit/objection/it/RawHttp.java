package org.publiccredit.objection.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.publiccredit.testkit.Stack;
import tools.jackson.databind.JsonNode;
import org.publiccredit.testkit.Api;

/** A request written byte by byte to the gateway: header values and bodies that an HTTP client refuses to send. */
final class RawHttp {

    private RawHttp() {
    }

    record Answer(int status, String head, byte[] body) {
        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
            }
            return null;
        }

        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    /** {@code headerLines}: raw lines ("Name: value"), each a byte sequence as sent. */
    static Answer post(String path, byte[] headerLines, byte[] body) {
        URI gateway = URI.create(Stack.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + gateway.getHost() + ":" + gateway.getPort()
                    + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(headerLines);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = new String(chunked, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < s.length()) {
            int lineEnd = s.indexOf("\r\n", i);
            int size = Integer.parseInt(s.substring(i, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
