package se.lotsen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that control time: the system clock moved on by an offset that a test sets. Registered as the
 * primary {@link Clock} bean by a test's own configuration, so everything that reads the application's clock sees it.
 */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MutableClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves the clock on (or back, for a negative amount). */
    public void advance(Duration amount) {
        offset.updateAndGet(o -> o.plus(amount));
    }

    /** Back to the system clock's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(zone, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
