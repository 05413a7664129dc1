package se.lotsen.reporting.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** The statistics page's filter as typed: a period (both days included) and a unit code (blank: every unit). */
record StatisticsFilter(LocalDate from, LocalDate to,
                        @Size(max = 64, message = "{validation.size.max}") String unit) {
}
