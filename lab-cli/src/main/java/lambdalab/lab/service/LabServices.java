package lambdalab.lab.service;

import java.util.List;
import java.util.Optional;
import lambdalab.lab.settings.LabSettings;
import lambdalab.lab.settings.RepoLayout;

/** The lab's services in start order, configured for one instance. */
public record LabServices(KafkaService kafka, CassandraService cassandra,
                          NameNodeService nameNode, DataNodeService dataNode) {

    public static LabServices of(LabSettings settings, RepoLayout repo) {
        ServiceModule hdfs = new ServiceModule("hdfs", repo.serviceModule("hdfs"));
        return new LabServices(
                new KafkaService(settings, new ServiceModule("kafka", repo.serviceModule("kafka"))),
                new CassandraService(settings, new ServiceModule("cassandra", repo.serviceModule("cassandra"))),
                new NameNodeService(settings, hdfs),
                new DataNodeService(settings, hdfs));
    }

    public List<LabService> all() {
        return List.of(kafka, cassandra, nameNode, dataNode);
    }

    public Optional<LabService> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all().stream().map(LabService::name).toList();
    }
}
