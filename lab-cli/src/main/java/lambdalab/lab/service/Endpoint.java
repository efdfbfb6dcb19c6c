package lambdalab.lab.service;

/** A port a service listens on, with what it is for (e.g. "CQL", "web UI"). */
public record Endpoint(String purpose, String host, int port) {
    public String address() {
        return host + ":" + port;
    }
}
