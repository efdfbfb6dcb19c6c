package lambdalab.lab.supervisor;

import java.time.Instant;
import java.util.List;
import lambdalab.lab.service.Endpoint;

/**
 * What the supervisor knows of one service, as written to {@code run/state.json}.
 *
 * @param pid       the current process, or 0 when none runs
 * @param startedAt when the current process was started
 * @param readyAt   when it last became ready, or null
 * @param restarts  how often the supervisor started it again after it died or failed to start
 * @param detail    the last readiness answer, or what went wrong
 * @param fix       for a failure with a known cause: the cause and what to do (else null)
 */
public record ServiceStatus(String name, ServiceState state, long pid, List<Endpoint> endpoints, String ui,
                            Instant startedAt, Instant readyAt, int restarts, String detail, String fix,
                            String log) {

    ServiceStatus starting(int restartCount, String what) {
        return new ServiceStatus(name, ServiceState.STARTING, 0, endpoints, ui, null, null, restartCount, what, null, log);
    }

    ServiceStatus started(long newPid, Instant at) {
        return new ServiceStatus(name, ServiceState.STARTING, newPid, endpoints, ui, at, null, restarts, "started", null, log);
    }

    ServiceStatus ready(Instant at, String what) {
        return new ServiceStatus(name, ServiceState.READY, pid, endpoints, ui, startedAt, at, restarts, what, null, log);
    }

    ServiceStatus restarting(int restartCount, String what) {
        return new ServiceStatus(name, ServiceState.RESTARTING, 0, endpoints, ui, null, null, restartCount, what, fix, log);
    }

    ServiceStatus failed(String what, String knownFix) {
        return new ServiceStatus(name, ServiceState.FAILED, pid, endpoints, ui, startedAt, null, restarts, what, knownFix, log);
    }

    ServiceStatus stopped() {
        return new ServiceStatus(name, ServiceState.STOPPED, 0, endpoints, ui, null, null, restarts, "stopped", null, log);
    }

    ServiceStatus withState(ServiceState next) {
        return new ServiceStatus(name, next, pid, endpoints, ui, startedAt, readyAt, restarts, detail, fix, log);
    }

    ServiceStatus withDetail(String what, String knownFix) {
        return new ServiceStatus(name, state, pid, endpoints, ui, startedAt, readyAt, restarts, what, knownFix, log);
    }
}
