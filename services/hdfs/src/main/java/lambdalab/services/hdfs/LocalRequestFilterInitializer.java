package lambdalab.services.hdfs;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.http.FilterContainer;
import org.apache.hadoop.http.FilterInitializer;

/**
 * Puts {@link LocalRequestFilter} in front of every page of a daemon's Jetty server; Hadoop creates
 * it from {@code hadoop.http.filter.initializers} (core-site.xml).
 */
public final class LocalRequestFilterInitializer extends FilterInitializer {

    @Override
    public void initFilter(FilterContainer container, Configuration conf) {
        container.addGlobalFilter("local-requests", LocalRequestFilter.class.getName(),
                Map.of(LocalRequestFilter.ALLOWED_HOSTS, conf.get(LocalRequests.ALLOWED_HOSTS_KEY, "")));
    }
}
