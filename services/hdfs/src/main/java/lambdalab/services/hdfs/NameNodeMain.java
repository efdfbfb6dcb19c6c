package lambdalab.services.hdfs;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * The lab's NameNode: Hadoop's own {@code NameNode.main}, after formatting the metadata folder in the
 * same JVM when the lab asks for it ({@value #FORMAT_FIRST}, on an instance's first start). A format in
 * a JVM of its own loaded the same Hadoop classes once more, on the critical path of a fresh `lab up`.
 */
public final class NameNodeMain {

    /** The argument that asks for a format before the start; every other argument goes to the NameNode. */
    public static final String FORMAT_FIRST = "--format-first";

    private NameNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> nameNodeArguments = new ArrayList<>(List.of(args));
        if (nameNodeArguments.remove(FORMAT_FIRST)) {
            // as `hdfs namenode -format -force -nonInteractive`: a new cluster id, the configured folders
            NameNode.format(new HdfsConfiguration());
            // the format registered metrics sources (the retry cache's) that the NameNode registers
            // again: without this it fails with "Metrics source ... already exists!"
            DefaultMetricsSystem.shutdown();
        }
        NameNode.main(nameNodeArguments.toArray(String[]::new));
    }
}
