package lambdalab.lab.zeppelin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

/** The one way in: packaged group built if needed, Zeppelin folder laid out, interpreter process started. */
public final class ZeppelinProtocol {

    /** Any free port for the interpreter process's Thrift server (Zeppelin's default ":"). */
    public static final String ANY_PORT = ":";

    private ZeppelinProtocol() {
    }

    /**
     * @param repository the lab's repository (where the packaged group is built)
     * @param zeppelinHome where the Zeppelin-like folder goes (rewritten on each start)
     */
    public static ProtocolEngine start(Path repository, Path zeppelinHome, Properties properties, PrintStream out)
            throws IOException, InterruptedException {
        PackagedGroup packaged = PackagedGroup.in(repository);
        packaged.buildIfNeeded(repository, out);
        ZeppelinHome home = ZeppelinHome.layOut(zeppelinHome, packaged.groupFolder(), packaged.apiJar().orElseThrow());
        return ProtocolEngine.start(home, properties, ANY_PORT, out);
    }
}
