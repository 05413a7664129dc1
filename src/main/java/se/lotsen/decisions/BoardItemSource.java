package se.lotsen.decisions;

import java.time.LocalDate;
import java.util.List;

import se.lotsen.access.CurrentUser;

/**
 * Dated items that other modules put on the deadline board (a grant's final report, say), so that the board shows
 * them without this module depending on theirs. Every implementation is asked for the user; each answers only with
 * what that user may see, and never with case data (case deadlines come from this module, through the access policy).
 */
public interface BoardItemSource {

    /** The user's items due on or before the day, overdue ones included. */
    List<BoardItem> items(CurrentUser user, LocalDate until);

    /**
     * One item: the day it is due, a title, where it is handled, and a message key naming what kind of item it is
     * (e.g. "Slutrapport för bidrag").
     */
    record BoardItem(LocalDate date, String title, String href, String kindKey) {
    }
}
