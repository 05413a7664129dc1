package se.lotsen.review;

import java.util.List;

/**
 * The review template a new review starts from (data): each question's area, the message key of its text (copied
 * into the review in the method developer's language) and, where Lotsen can derive the answer, its derivation.
 */
final class DefaultTemplate {

    record Item(ReviewArea area, String textKey, Derivation derivation) {
    }

    static final List<Item> ITEMS = List.of(
            new Item(ReviewArea.POLICE, "review.template.policeReport", Derivation.POLICE_REPORT),
            new Item(ReviewArea.POLICE, "review.template.policeCooperation", null),
            new Item(ReviewArea.HOME_COUNTRY, "review.template.homeCountryRisk", Derivation.HOME_COUNTRY_RISK_FIRST),
            new Item(ReviewArea.HOME_INVESTIGATION, "review.template.homeInvestigation", Derivation.HOME_INVESTIGATION),
            new Item(ReviewArea.DEADLINES, "review.template.deadlines", Derivation.DEADLINES_KEPT),
            new Item(ReviewArea.DOCUMENTATION, "review.template.indicators", Derivation.INDICATORS_ASSESSED),
            new Item(ReviewArea.DOCUMENTATION, "review.template.journal", null),
            new Item(ReviewArea.HANDOVER, "review.template.handover", Derivation.HANDOVER_ACKNOWLEDGED),
            new Item(ReviewArea.REPRESENTATIVES, "review.template.representatives", null));

    private DefaultTemplate() {
    }
}
