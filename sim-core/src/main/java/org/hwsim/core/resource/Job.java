package org.hwsim.core.resource;

/**
 * A unit of work served by a {@link ServerQueue}, with the times the queue observed.
 *
 * @param id            sequence number assigned by the queue at submission (0, 1, 2, ...)
 * @param tag           the caller's value, passed through untouched
 * @param priority      lower is served first under {@link ServerQueue.Discipline#PRIORITY}
 * @param arrivalPs     time of submission
 * @param startPs       time service started
 * @param serviceTimePs time the service took
 * @param server        index of the server that served it, in [0, servers)
 */
public record Job(long id, long tag, int priority, long arrivalPs, long startPs, long serviceTimePs, int server) {

    /** Time spent waiting before service. */
    public long waitPs() {
        return startPs - arrivalPs;
    }

    /** Time of completion. */
    public long completionPs() {
        return startPs + serviceTimePs;
    }

    /** Waiting plus service time. */
    public long sojournPs() {
        return completionPs() - arrivalPs;
    }
}
