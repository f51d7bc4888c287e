package org.publiccredit.gateway.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Percent-encodes the bytes of a request target that a client sent unencoded ({@code GET /api/v1/search?q=柳州}, as curl
 * and simple scripts do; browsers encode). Such a target is not a valid URI, and Spring answered it with a bare 400 and
 * no body before any filter ran; encoded, the request is read as UTF-8, the only reading the platform's APIs have, and
 * gets a normal answer or problem. Netty reads the request line as ISO-8859-1, so every char here is one byte.
 */
@Component
class RawUriEncoding implements NettyServerCustomizer {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "rawUriEncoding", Handler.INSTANCE);
            }
        });
    }

    /** Printable ASCII that a URI never holds unencoded (RFC 3986): Spring refused them with a bare 400. */
    private static final String NOT_IN_URIS = "\"<>\\^`{|}";

    /**
     * The target with every byte outside printable US-ASCII, and every printable character a URI cannot hold, as
     * {@code %XX}; the same string when there is none. (An encoded backslash is then refused by the firewall as a
     * problem, and an encoded brace is just a character of a path that does not exist.)
     */
    static String encode(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = c > 0x20 && c < 0x7F && NOT_IN_URIS.indexOf(c) < 0 && (c != '%' || escape(target, i));
            if (!plain && out == null) {
                out = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.append(c);
                } else {
                    out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                }
            }
        }
        return out == null ? target : out.toString();
    }

    /** Whether the {@code %} at {@code i} starts a {@code %XX} escape (else it is a literal percent sign: {@code %25}). */
    private static boolean escape(String target, int i) {
        return i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        static final Handler INSTANCE = new Handler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                request.setUri(encode(request.uri()));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
