package se.lotsen.common;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageResultTest {

    private static List<Integer> full(int size) {
        return Collections.nCopies(size, 1);
    }

    @Test
    void anExactTotalEndsTheList() {
        PageResult<Integer> last = new PageResult<>(full(25), 3, 25, 100);
        assertThat(last.totalPages()).isEqualTo(4);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.firstItem()).isEqualTo(76);
        assertThat(last.lastItem()).isEqualTo(100);
        assertThat(last.atLeast()).isFalse();
    }

    @Test
    void aLowerBoundLetsAFullPageGoOnPastIt() {
        // 1000 counted and more exist: the 40th page of 25 is full, so there is a next one.
        PageResult<Integer> atTheLimit = new PageResult<>(full(25), 39, 25, 1000, true);
        assertThat(atTheLimit.hasNext()).isTrue();
        // Past the limit, a page that is not full is the last.
        PageResult<Integer> beyond = new PageResult<>(full(10), 41, 25, 1035, true);
        assertThat(beyond.hasNext()).isFalse();
        assertThat(beyond.lastItem()).isEqualTo(1035);
    }

    @Test
    void aPageAfterTheLastIsPastTheEndAndKnowsTheLastPage() {
        PageResult<Integer> past = new PageResult<>(List.of(), 9, 25, 60);
        assertThat(past.pastTheEnd()).isTrue();
        assertThat(past.lastPage()).isEqualTo(2);
        assertThat(past.firstItem()).isZero();
        assertThat(new PageResult<>(full(10), 2, 25, 60).pastTheEnd()).isFalse();
        assertThat(new PageResult<Integer>(List.of(), 0, 25, 0).pastTheEnd()).as("an empty list").isFalse();
        assertThat(new PageResult<Integer>(List.of(), 0, 25, 0).lastPage()).isZero();
    }

    @Test
    void mappingKeepsTheLowerBound() {
        PageResult<String> mapped = new PageResult<>(full(25), 0, 25, 1000, true).map(String::valueOf);
        assertThat(mapped.atLeast()).isTrue();
        assertThat(mapped.total()).isEqualTo(1000);
    }
}
