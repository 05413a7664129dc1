package se.lotsen.cooperation;

import java.time.LocalTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fictional-but-plausible partner directory for the embedded mode. Only the public numbers of national services
 * named in the national guidance are real (the police's 114 14 and the national hotline 020-39 00 00); every other
 * number and address is a marked demo value. No private person is listed.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "lotsen.mode", havingValue = "embedded")
class DemoPartners implements ApplicationRunner {

    private final Partners partners;

    DemoPartners(Partners partners) {
        this.partners = partners;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalTime eight = LocalTime.of(8, 0);
        LocalTime five = LocalTime.of(17, 0);
        LocalTime four = LocalTime.of(16, 0);
        add("Polisen, Citypolisen (lokalpolisområde)", PartnerKind.POLICE_LOCAL, "SE", "114 14", null,
                "Dygnet runt. Fråga efter vakthavande befäl.", Partner.Hours.ALWAYS, null, null);
        add("Polisen, regionens grupp mot människohandel", PartnerKind.POLICE_TRAFFICKING_UNIT, "SE", "114 14", null,
                "Nås via växeln; jourhavande förundersökningsledare utanför kontorstid.", Partner.Hours.ALWAYS, null, null);
        add("Polisen, Nationella operativa avdelningen (NOA)", PartnerKind.NOA, "SE", "114 14", null,
                "Nationell samordning av människohandelsärenden.", Partner.Hours.OFFICE_HOURS, eight, five);
        add("Förvaltningsrätten i Stockholm", PartnerKind.ADMINISTRATIVE_COURT, "SE", "(demo) 08-000 00 01",
                "forvaltningsratt.demo@lotsen.example", "Underställning och ansökan om vård enligt LVU.",
                Partner.Hours.OFFICE_HOURS, eight, four);
        add("Utrikesdepartementet, centralmyndighet (Bryssel IIb / Haag 1996)", PartnerKind.UD_CENTRAL_AUTHORITY, "SE",
                "(demo) 08-000 00 02", "centralmyndighet.demo@lotsen.example",
                "Begäran om rapport om barnets situation, underrättelse om allvarlig fara.", Partner.Hours.OFFICE_HOURS,
                eight, four);
        add("Migrationsverket", PartnerKind.MIGRATIONSVERKET, "SE", "(demo) 08-000 00 03",
                "betanketid.demo@lotsen.example", "Ansökan om betänketid (blankett 195011).", Partner.Hours.OFFICE_HOURS,
                eight, four);
        add("Regionkoordinator barn och unga, Stockholms län", PartnerKind.REGIONAL_COORDINATOR_CHILDREN, "SE",
                "(demo) 08-000 00 04", "regionkoordinator.barn.demo@lotsen.example",
                "Kontakt om en enskild kräver samtycke.", Partner.Hours.OFFICE_HOURS, eight, five);
        add("Regionkoordinator vuxna, Stockholms län", PartnerKind.REGIONAL_COORDINATOR_ADULTS, "SE",
                "(demo) 08-000 00 05", "regionkoordinator.vuxna.demo@lotsen.example",
                "Kontakt om en enskild kräver samtycke.", Partner.Hours.OFFICE_HOURS, eight, five);
        add("Nationella stödtelefonen mot prostitution och människohandel", PartnerKind.NATIONAL_HOTLINE, "SE",
                "020-39 00 00", null, "För yrkesverksamma, vardagar kontorstid.", Partner.Hours.OFFICE_HOURS, eight, five);
        add("Barnahus Stockholm", PartnerKind.BARNAHUS, "SE", "(demo) 08-000 00 06", null,
                "Samråd vid misstanke om brott mot barn.", Partner.Hours.OFFICE_HOURS, eight, four);
        add("Tolkförmedlingen (demo)", PartnerKind.INTERPRETER_SERVICE, "SE", "(demo) 08-000 00 07", null,
                "Telefontolk dygnet runt.", Partner.Hours.ALWAYS, null, null);
        add("IOM, återvändandeprogrammet (ÅMP)", PartnerKind.IOM, "FI", "(demo) +358 0 000 0000", null,
                "Frivilligt återvändande och återintegrering.", Partner.Hours.OFFICE_HOURS, eight, four);
        add("Skyddat boende (demo)", PartnerKind.SHELTER, "SE", "(demo) 08-000 00 08", null,
                "IVO-tillstånd. Adressen lämnas aldrig ut.", Partner.Hours.ALWAYS, null, null);
        add("Rumänien: Direcția Generală de Asistență Socială (via UD)", PartnerKind.HOME_COUNTRY_AUTHORITY, "RO",
                null, null, "Kontakt endast via UD som centralmyndighet, efter riskbedömning.", Partner.Hours.OFFICE_HOURS,
                eight, four);
        add("Bulgarien: Statlig byrå för barnskydd (via UD)", PartnerKind.HOME_COUNTRY_AUTHORITY, "BG", null, null,
                "Kontakt endast via UD som centralmyndighet, efter riskbedömning.", Partner.Hours.OFFICE_HOURS, eight, four);
        add("Maria Ungdom (demo)", PartnerKind.HEALTH_CARE, "SE", "(demo) 08-000 00 09", null,
                "Akut medicinsk och beroendebedömning för unga.", Partner.Hours.ALWAYS, null, null);
    }

    private void add(String name, PartnerKind kind, String country, String phone, String email, String notes,
                     Partner.Hours hours, LocalTime opens, LocalTime closes) {
        if (partners.findByName(name).isEmpty()) {
            partners.save(null, new Partners.PartnerForm(name, kind, country, phone, email, notes, hours, opens, closes, true));
        }
    }
}
