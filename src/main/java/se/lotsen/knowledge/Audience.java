package se.lotsen.knowledge;

/** Whom an event is for, and which group an organisation's participants belong to. */
public enum Audience { OWN_STAFF, OTHER_JOURS, DISTRICT_OFFICES, POLICE, OTHERS }
