package lambdalab.lab.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The whole instance as the supervisor sees it: {@code $LAB_HOME/run/state.json}. */
public record LabState(long supervisorPid, String home, Instant supervisorStartedAt, List<ServiceStatus> services) {

    public Optional<ServiceStatus> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean allReady() {
        return !services.isEmpty() && services.stream().allMatch(s -> s.state() == ServiceState.READY);
    }

    public List<ServiceStatus> failed() {
        return services.stream().filter(s -> s.state() == ServiceState.FAILED).toList();
    }
}
