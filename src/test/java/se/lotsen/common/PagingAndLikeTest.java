package se.lotsen.common;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PagingAndLikeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null, 0, 25",
            "-1, 0, 0, 25",
            "3, 10, 3, 10",
            "2, 1000, 2, 100",
            "999999999, 5, 100000, 5"})
    void pagingIsClampedToSaneBounds(Integer page, Integer size, int expectedPage, int expectedSize) {
        Paging paging = Paging.of(page, size);
        assertThat(paging.page()).isEqualTo(expectedPage);
        assertThat(paging.size()).isEqualTo(expectedSize);
        assertThat(paging.offset()).isEqualTo(expectedPage * expectedSize);
    }

    @Test
    void pageResultKnowsItsNeighbours() {
        PageResult<String> middle = new PageResult<>(List.of("k", "l"), 1, 2, 5);
        assertThat(middle.totalPages()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.firstItem()).isEqualTo(3);
        assertThat(middle.lastItem()).isEqualTo(4);

        PageResult<String> last = new PageResult<>(List.of("m"), 2, 2, 5);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.lastItem()).isEqualTo(5);

        PageResult<String> empty = new PageResult<>(List.of(), 0, 25, 0);
        assertThat(empty.firstItem()).isZero();
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.map(String::length).items()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "Rinkeby, %rinkeby%",
            "'  Ö  ', %ö%",
            "50%, %50\\%%",
            "a_b, %a\\_b%",
            "back\\slash, %back\\\\slash%"})
    void likePatternsEscapeWildcards(String input, String expected) {
        assertThat(SqlLike.contains(input)).isEqualTo(expected);
    }

    @Test
    void nullSearchMatchesEverything() {
        assertThat(SqlLike.contains(null)).isEqualTo("%%");
    }
}
