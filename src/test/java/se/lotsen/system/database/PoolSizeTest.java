package se.lotsen.system.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.lotsen.common.StartupProblem;

class PoolSizeTest {

    @Test
    void the_defaults_leave_room_for_requests_when_every_event_thread_holds_two_connections() {
        assertThatCode(() -> DatabaseConfiguration.requireRoomForRequests(16, 4)).doesNotThrowAnyException();
        assertThatCode(() -> DatabaseConfiguration.requireRoomForRequests(14, 4)).doesNotThrowAnyException();
    }

    @Test
    void a_pool_the_event_threads_could_use_up_is_refused_at_start_with_what_to_set() {
        // The former default: 10 connections against 8 threads holding two each.
        assertThatThrownBy(() -> DatabaseConfiguration.requireRoomForRequests(10, 8))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("LOTSEN_DB_POOL_SIZE (10)")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((StartupProblem) e).action())
                        .contains("at least 22"));
        // Four event threads hold eight, the scheduler and the statistics' refresher two: 14 leaves four for requests.
        assertThatThrownBy(() -> DatabaseConfiguration.requireRoomForRequests(13, 4))
                .isInstanceOf(StartupProblem.class);
    }
}
