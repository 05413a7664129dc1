package se.lotsen.review;

/** The areas a review's questions are grouped by; message keys {@code review.area.<NAME>}. */
public enum ReviewArea {
    POLICE, HOME_COUNTRY, HOME_INVESTIGATION, DEADLINES, DOCUMENTATION, HANDOVER, REPRESENTATIVES, PROTECTION, OTHER
}
