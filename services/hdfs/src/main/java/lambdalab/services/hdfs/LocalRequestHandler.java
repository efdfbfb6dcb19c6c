package lambdalab.services.hdfs;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;

/**
 * The DataNode's HTTP port is a Netty server that answers WebHDFS itself and passes everything else
 * to an internal Jetty, so a servlet filter never sees its WebHDFS requests: this handler, first in
 * its pipeline ({@code dfs.datanode.httpserver.filter.handlers} in hdfs-site.xml), answers 403 to a
 * request {@link LocalRequests} refuses. One instance serves every connection (Hadoop's contract:
 * built from {@link #initializeState}'s result).
 */
@Sharable
public final class LocalRequestHandler extends SimpleChannelInboundHandler<HttpRequest> {

    private final LocalRequests rule;

    public LocalRequestHandler(LocalRequests rule) {
        this.rule = rule;
    }

    /** Called by the DataNode, once, to build the state its handler instances get. */
    public static LocalRequests initializeState(Configuration conf) {
        return LocalRequests.from(conf);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
        if (rule.allows(request.headers().get(HttpHeaderNames.HOST), request.headers().get(HttpHeaderNames.ORIGIN))) {
            ReferenceCountUtil.retain(request); // this handler's base class releases it on return
            ctx.fireChannelRead(request);
            return;
        }
        FullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
                Unpooled.copiedBuffer(rule.refusal() + "\n", StandardCharsets.UTF_8));
        refused.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, refused.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(refused).addListener(ChannelFutureListener.CLOSE);
    }
}
