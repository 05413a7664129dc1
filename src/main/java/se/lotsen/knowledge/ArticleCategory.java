package se.lotsen.knowledge;

/**
 * What an article of the knowledge base is about: the inventory (how other social emergency services, the Nordic
 * countries and European cities handle these cases), partners' methods, notes from study visits, or other.
 */
public enum ArticleCategory {
    INVENTORY_SOCIAL_SERVICES, INVENTORY_NORDIC, INVENTORY_EUROPEAN_CITIES, PARTNER_METHODS, STUDY_VISIT, OTHER
}
