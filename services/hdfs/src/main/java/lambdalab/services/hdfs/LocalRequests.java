package lambdalab.services.hdfs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * Which HTTP requests the HDFS daemons answer: those addressed to this machine's loopback by name
 * (127.0.0.1, localhost or [::1] in the {@code Host} header, with or without a port), or to a name
 * the lab allows on purpose, and that come from no web page of another site.
 *
 * <p>Why: the daemons listen on 127.0.0.1 only and HDFS runs without permissions, so any request
 * that reaches them may read or write files as any {@code user.name}. A web page in the learner's
 * browser can reach them in two ways, both closed here: through DNS rebinding (its own host name
 * re-pointed to 127.0.0.1: the {@code Host} header then carries that name), and by sending a request
 * to 127.0.0.1 directly (the browser then says where the page came from in the {@code Origin} header).
 */
public final class LocalRequests {

    /** core-site.xml key: host names accepted besides the loopback ones, comma separated. */
    public static final String ALLOWED_HOSTS_KEY = "lab.http.allowed.hosts";

    static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

    private final List<String> allowedHosts;

    LocalRequests(List<String> extraHosts) {
        this.allowedHosts = Stream.concat(LOOPBACK_NAMES.stream(), extraHosts.stream())
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    public static LocalRequests from(Configuration conf) {
        return new LocalRequests(Arrays.asList(conf.getTrimmedStrings(ALLOWED_HOSTS_KEY)));
    }

    /**
     * Whether to answer a request with these headers (null when absent): its Host must name an allowed
     * host; an Origin, if there is one, too (a browser sends none for a page's own address bar).
     */
    public boolean allows(String host, String origin) {
        return isAllowedHost(host) && (origin == null || isAllowedHost(hostOfOrigin(origin)));
    }

    /** What a refused request gets told; it repeats nothing of the request, which a web page chose. */
    public String refusal() {
        return "Refused: the lab's HDFS web servers answer only requests addressed to " + String.join(", ", allowedHosts)
                + " and sent from no other site's page. See troubleshooting.md#hdfs-web-refused";
    }

    private boolean isAllowedHost(String hostHeader) {
        return hostHeader != null && allowedHosts.contains(hostName(hostHeader.strip()).toLowerCase(Locale.ROOT));
    }

    /** {@code http://localhost:9870} gives {@code localhost:9870}; an opaque origin ({@code null}) gives null. */
    private static String hostOfOrigin(String origin) {
        int start = origin.indexOf("://");
        return start < 0 ? null : origin.substring(start + 3);
    }

    /** The host part of a Host header: {@code [::1]:9870} gives {@code [::1]}, {@code localhost:9870} {@code localhost}. */
    private static String hostName(String hostHeader) {
        int end = hostHeader.startsWith("[") ? hostHeader.indexOf(']') + 1 : hostHeader.indexOf(':');
        return end > 0 ? hostHeader.substring(0, end) : hostHeader;
    }
}
