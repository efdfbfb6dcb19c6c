package lambdalab.lab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import lambdalab.lab.Lab;
import lambdalab.lab.service.HdfsDaemon;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HDFS daemons' web servers (NameNode and DataNode) of the test lab, with the requests a web page
 * in the learner's browser could make: by DNS rebinding (its own host name in the Host header) or
 * straight to 127.0.0.1 (its site in the Origin header). HDFS runs without permissions, so such a
 * request must be refused; requests addressed to a loopback name still get the pages.
 */
@ExtendWith(TestLab.Extension.class)
class HdfsWebRequestsIT {

    private static final String JMX = "/jmx?qry=java.lang:type=Runtime";

    @Test
    void aRequestForAnotherHostNameIsRefusedByBothDaemons(TestLab testLab) throws IOException {
        for (int port : httpPorts(testLab.lab())) {
            for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port)) {
                Response response = request(port, "GET", JMX, host, null);
                assertThat(response.status()).as("port %d, Host %s: %s", port, host, response.body()).isEqualTo(403);
                assertThat(response.body()).contains("troubleshooting.md#hdfs-web-refused").doesNotContain("evil");
            }
        }
    }

    @Test
    void aRequestFromAnotherSitesPageIsRefusedByBothDaemons(TestLab testLab) throws IOException {
        for (int port : httpPorts(testLab.lab())) {
            for (String origin : List.of("http://evil.example", "http://evil.example:" + port, "null")) {
                Response response = request(port, "GET", JMX, "127.0.0.1:" + port, origin);
                assertThat(response.status()).as("port %d, Origin %s", port, origin).isEqualTo(403);
            }
        }
    }

    @Test
    void loopbackNamesStillGetThePages(TestLab testLab) throws IOException {
        for (int port : httpPorts(testLab.lab())) {
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost", "[::1]:" + port)) {
                Response response = request(port, "GET", JMX, host, null);
                assertThat(response.status()).as("port %d, Host %s: %s", port, host, response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"beans\"");
            }
            Response sameSite = request(port, "GET", JMX, "localhost:" + port, "http://localhost:" + port);
            assertThat(sameSite.status()).as("port %d, the page's own origin", port).isEqualTo(200);
        }
    }

    /** What DNS rebinding would do with WebHDFS: create a directory and a file as any user. Nothing appears. */
    @Test
    void webHdfsWritesNothingForAnotherHostName(TestLab testLab) throws IOException {
        Lab lab = testLab.lab();
        String directory = "/rebinding-" + UUID.randomUUID();
        int nameNode = lab.settings().port("hdfs.namenode.http.port");
        int dataNode = lab.settings().port("hdfs.datanode.http.port");
        String nameNodeRpc = "127.0.0.1:" + lab.settings().port("hdfs.namenode.port");

        Response mkdirs = request(nameNode, "PUT", "/webhdfs/v1" + directory + "?op=MKDIRS&user.name=mallory",
                "evil.example:" + nameNode, null);
        Response create = request(nameNode, "PUT", "/webhdfs/v1" + directory + "/a?op=CREATE&user.name=mallory",
                "evil.example:" + nameNode, null);
        // the NameNode's CREATE redirects to the DataNode, which writes the file itself: ask it directly
        Response write = request(dataNode, "PUT", "/webhdfs/v1" + directory + "/b?op=CREATE&user.name=mallory"
                + "&namenoderpcaddress=" + nameNodeRpc + "&overwrite=false", "evil.example:" + dataNode, null);

        assertThat(List.of(mkdirs.status(), create.status(), write.status())).containsOnly(403);
        HdfsDaemon hdfs = lab.services().nameNode();
        Configuration conf = new Configuration();
        hdfs.clientSettings().forEach(conf::set);
        try (FileSystem fs = FileSystem.newInstance(URI.create(hdfs.defaultFs()), conf)) {
            assertThat(fs.exists(new Path(directory))).as(directory + " on HDFS").isFalse();
        }
    }

    private static List<Integer> httpPorts(Lab lab) {
        return List.of(lab.settings().port("hdfs.namenode.http.port"), lab.settings().port("hdfs.datanode.http.port"));
    }

    record Response(int status, String body) {
    }

    /**
     * One HTTP/1.1 request over a plain socket: Java's HTTP clients do not let a caller choose the
     * Host header, and choosing it is the point here. {@code origin} may be null (no Origin header).
     */
    private static Response request(int port, String method, String target, String host, String origin)
            throws IOException {
        String body = method.equals("PUT") ? "written by a test that expects it refused\n" : "";
        String head = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // the final status: a WebHDFS write may first answer "100 Continue"
            int status = response.lines().filter(line -> line.startsWith("HTTP/1."))
                    .mapToInt(line -> Integer.parseInt(line.split(" ")[1])).filter(code -> code >= 200)
                    .findFirst().orElseThrow(() -> new IOException("no HTTP response from port " + port + ": " + response));
            return new Response(status, response);
        }
    }
}
