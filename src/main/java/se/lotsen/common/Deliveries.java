package se.lotsen.common;

/**
 * What became of the notifications something caused (a question asked, a case handed over), looked up by its
 * source key, e.g. {@code question:<id>}. Implemented by the notifications module, so that a page can tell the truth
 * about its e-mail without depending on that module.
 */
public interface Deliveries {

    Delivery of(String sourceKey);

    /**
     * How many recipients were notified, and what became of their e-mails.
     *
     * @param notified      notifications made (in the app)
     * @param sent          e-mails delivered to the mail server
     * @param pending       e-mails not tried yet
     * @param retrying      e-mails that failed and are tried again automatically
     * @param notConfigured e-mails not sent because no mail server is configured
     * @param noAddress     recipients without an e-mail address
     */
    record Delivery(int notified, int sent, int pending, int retrying, int notConfigured, int noAddress) {

        /** Nothing was notified yet: the side effects run just after the change was saved. */
        public boolean underway() {
            return notified == 0;
        }

        /** Nothing left to try. */
        public boolean settled() {
            return notified > 0 && pending == 0 && retrying == 0;
        }

        /** The one word that sums it up, for a message key: underway, retrying, pending, sent, notConfigured, noAddress, inApp. */
        public String summary() {
            if (underway()) {
                return "underway";
            }
            if (retrying > 0) {
                return "retrying";
            }
            if (pending > 0) {
                return "pending";
            }
            if (sent > 0) {
                return "sent";
            }
            if (notConfigured > 0) {
                return "notConfigured";
            }
            if (noAddress > 0) {
                return "noAddress";
            }
            return "inApp";
        }
    }
}
