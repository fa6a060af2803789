package org.hwsim.core.event;

/**
 * What happens when an event fires. Handlers are usually long-lived component objects that
 * reschedule themselves, so firing an event allocates nothing; the {@code long} argument carries
 * per-event data (a request id, a server index) without boxing.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Called by the simulator when the event fires; {@link Simulator#nowPs()} is the event's time.
     *
     * @param arg the value given when the event was scheduled
     */
    void handle(long arg);

    /**
     * The component this handler belongs to, used in error messages and the event-history hash
     * (e.g. {@code "jetson/gpu/sm0"}). Defaults to the class name; for a lambda or method
     * reference, the declaring class's name followed by {@code $$Lambda} (the rest of a hidden
     * class's name changes from run to run and would make the history hash irreproducible).
     * The simulator calls this for every event it fires: return a stored string rather than
     * building one, or each event allocates.
     */
    default String componentPath() {
        return DefaultComponentPaths.of(getClass());
    }
}
