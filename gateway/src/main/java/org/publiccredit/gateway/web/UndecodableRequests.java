package org.publiccredit.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.web.RequestIds;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request Netty could not decode (a request line over 16 KB, headers over 16 KB, a control character such as DEL in a
 * header) never reaches Spring: Reactor Netty answered it with a bare 414, 431 or 400 without a body. This handler,
 * right after the HTTP codec, answers it as a problem like every other refusal and closes the connection (the rest of
 * the message cannot be read reliably).
 */
@Component
class UndecodableRequests implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "undecodableRequests", Handler.INSTANCE);
            }
        });
    }

    /** The status and code for a decoding failure. */
    record Refusal(HttpResponseStatus status, String code, String detail) {
        static Refusal of(Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG, "URI_TOO_LONG",
                        "The request line is longer than 16 KB");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                        "The request headers are larger than 16 KB");
            }
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The request cannot be read (e.g. a control character in a header)");
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        static final Handler INSTANCE = new Handler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Refusal refusal = Refusal.of(request.decoderResult().cause());
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(response(refusal, Languages.of(request.headers().get("Accept-Language"))))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        static FullHttpResponse response(Refusal refusal, java.util.Locale locale) {
            String requestId = RequestIds.acceptOrCreate(null);
            byte[] body = Problems.json(locale, refusal.status().code(), refusal.code(), refusal.detail(), requestId, java.util.List.of())
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal.status(), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_LANGUAGE, Languages.tag(locale))
                    .set(HttpHeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE.toString())
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, "close")
                    .set(RequestIds.HEADER, requestId);
            return response;
        }
    }
}
