package se.lotsen.review;

/** How a case met a review question; message keys {@code review.answer.<NAME>}. */
public enum ReviewAnswer {
    ADEQUATE, DEFICIENT, NOT_APPLICABLE
}
