package se.lotsen.grants.web;

import org.springframework.stereotype.Component;

import se.lotsen.grants.SekAmount;

/** Amounts in kronor for the templates: {@code @kronor.format(grant.amount())} gives {@code 1 200 000}. */
@Component("kronor")
public class Kronor {

    public String format(long amount) {
        return SekAmount.format(amount);
    }
}
