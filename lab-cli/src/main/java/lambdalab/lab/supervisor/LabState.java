package lambdalab.lab.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole instance as the supervisor sees it: {@code $LAB_HOME/run/state.json}.
 *
 * @param services    the infrastructure services, always running
 * @param jobs        the on-demand jobs (the speed layer), STOPPED unless asked for
 * @param jobRequests for each job that runs, the request ({@link WantedJobs}) that run answers
 */
public record LabState(long supervisorPid, String home, Instant supervisorStartedAt, List<ServiceStatus> services,
                       List<ServiceStatus> jobs, Map<String, String> jobRequests) {

    public LabState {
        jobs = jobs == null ? List.of() : jobs; // a state file written before there were jobs
        jobRequests = jobRequests == null ? Map.of() : jobRequests;
    }

    public Optional<ServiceStatus> job(String name) {
        return jobs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<ServiceStatus> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether every service is ready; the jobs are optional and do not count. */
    public boolean allReady() {
        return !services.isEmpty() && services.stream().allMatch(s -> s.state() == ServiceState.READY);
    }

    public List<ServiceStatus> failed() {
        return services.stream().filter(s -> s.state() == ServiceState.FAILED).toList();
    }
}
