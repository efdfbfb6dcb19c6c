package lambdalab.services.hdfs;

import java.io.IOException;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The servlet filter in front of every page of a daemon's Jetty server (the NameNode's whole web
 * server, the DataNode's internal one): 403 for a request {@link LocalRequests} refuses.
 */
public final class LocalRequestFilter implements Filter {

    /** Filter parameter: {@link LocalRequests#ALLOWED_HOSTS_KEY}'s value. */
    static final String ALLOWED_HOSTS = "allowed.hosts";

    private LocalRequests rule;

    @Override
    public void init(FilterConfig config) {
        String extra = config.getInitParameter(ALLOWED_HOSTS);
        rule = new LocalRequests(extra == null ? List.of() : List.of(extra.split(",")));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (rule.allows(http.getHeader("Host"), http.getHeader("Origin"))) {
            chain.doFilter(request, response);
        } else {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN, rule.refusal());
        }
    }

    @Override
    public void destroy() {
    }
}
