package se.lotsen.grants;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import se.lotsen.access.CurrentUser;
import se.lotsen.decisions.BoardItemSource;

/**
 * A grant's final report on the deadline board of those who may read grants, until the report is submitted.
 */
@Component
class GrantReportDueDates implements BoardItemSource {

    static final String KIND = "board.item.grantReport";

    private final Grants grants;

    GrantReportDueDates(Grants grants) {
        this.grants = grants;
    }

    @Override
    public List<BoardItem> items(CurrentUser user, LocalDate until) {
        if (!GrantAccess.mayRead(user)) {
            return List.of();
        }
        return grants.reportsDueBy(until).stream()
                .map(g -> new BoardItem(g.reportDue(), g.name(), "/grants/" + g.id(), KIND))
                .toList();
    }
}
