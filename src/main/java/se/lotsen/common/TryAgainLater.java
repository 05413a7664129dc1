package se.lotsen.common;

/**
 * A side effect that could not be done now for a reason outside Lotsen (a mail server that does not answer). Its
 * event stays incomplete and is delivered again later; it is logged as a warning, not as an error with a stack trace.
 */
public class TryAgainLater extends RuntimeException {

    public TryAgainLater(String message) {
        super(message);
    }
}
