package org.publiccredit.gateway.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Stack;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP/1.1 request written byte by byte to the gateway: request targets, header values and bodies that an HTTP
 * client refuses to send (control characters, raw non-ASCII, a length that is not the body's, a chunked body).
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * A request as bytes.
     *
     * @param method the method
     * @param target the request target as sent (may hold any byte but CR and LF)
     * @param headers header lines without CRLF, each a byte sequence as sent
     * @param body the body
     * @param declaredLength Content-Length to declare when not the body's own (null: the body's length)
     * @param chunked send the body chunked, without Content-Length
     */
    record Request(String method, byte[] target, List<byte[]> headers, byte[] body, Long declaredLength, boolean chunked) {
        static Request of(String method, String target, List<byte[]> headers, byte[] body) {
            return new Request(method, target.getBytes(StandardCharsets.UTF_8), headers, body, null, false);
        }

        Request withTarget(byte[] raw) {
            return new Request(method, raw, headers, body, declaredLength, chunked);
        }

        Request withHeaders(List<byte[]> more) {
            List<byte[]> all = new ArrayList<>(headers);
            all.addAll(more);
            return new Request(method, target, all, body, declaredLength, chunked);
        }

        Request declaring(long length) {
            return new Request(method, target, headers, body, length, false);
        }

        Request chunkedBody() {
            return new Request(method, target, headers, body, null, true);
        }

        String targetText() {
            String t = new String(target, StandardCharsets.ISO_8859_1);
            return t.length() > 120 ? t.substring(0, 120) + "…(" + t.length() + ")" : t;
        }
    }

    /** An answer: status, head (status line and headers) and the body (de-chunked). */
    record Answer(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    static Answer send(Request request) {
        URI gateway = URI.create(Stack.gateway());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(request.method().getBytes(StandardCharsets.US_ASCII));
            head.write(' ');
            head.writeBytes(request.target());
            head.writeBytes((" HTTP/1.1\r\nHost: " + gateway.getHost() + ":" + gateway.getPort() + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (byte[] line : request.headers()) {
                head.writeBytes(line);
                head.writeBytes(new byte[] {'\r', '\n'});
            }
            if (request.chunked()) {
                head.writeBytes("Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (request.body() != null) {
                long length = request.declaredLength() != null ? request.declaredLength() : request.body().length;
                head.writeBytes(("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes(new byte[] {'\r', '\n'});
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    if (request.chunked()) {
                        writeChunked(out, request.body());
                    } else {
                        out.write(request.body());
                    }
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server answered (413, 431 …) and closed before the body was all sent: read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request.method() + " " + request.targetText() + ": " + e, e);
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 8192;
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.write(new byte[] {'\r', '\n'});
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String head = text.substring(0, end);
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            rest = dechunk(rest);
        }
        return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, rest);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = new String(chunked, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < s.length()) {
            int lineEnd = s.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(s.substring(i, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
