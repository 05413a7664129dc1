package se.lotsen.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The observed indicators with an advisory reading: points by weight, and per ILO/EC element whether the
 * combination rule is met (at least two strong, or one strong and one medium or weak). Never a conclusion: the
 * worker's overall assessment decides, and for children coercion need not be shown at all.
 */
public record IndicatorAssessment(Set<Indicator> observed, String overallAssessment) {

    public IndicatorAssessment {
        observed = observed.isEmpty() ? EnumSet.noneOf(Indicator.class) : EnumSet.copyOf(observed);
    }

    public int points() {
        return observed.stream().mapToInt(i -> i.weight().points()).sum();
    }

    /** The ILO/EC elements whose combination rule is met by the observed indicators. */
    public Set<Indicator.Element> elementsIndicated() {
        Map<Indicator.Element, int[]> counts = new EnumMap<>(Indicator.Element.class);
        for (Indicator i : observed) {
            if (i.element() == Indicator.Element.GENERAL || i.element() == Indicator.Element.CHILD) {
                continue; // lists of signs, not elements of the trafficking definition
            }
            int[] c = counts.computeIfAbsent(i.element(), e -> new int[2]);
            if (i.weight() == Indicator.Weight.STRONG) {
                c[0]++;
            } else {
                c[1]++;
            }
        }
        Set<Indicator.Element> result = EnumSet.noneOf(Indicator.Element.class);
        counts.forEach((element, c) -> {
            if (c[0] >= 2 || (c[0] >= 1 && c[1] >= 1)) {
                result.add(element);
            }
        });
        return result;
    }

    public List<Indicator> observedInOrder() {
        return observed.stream().sorted().toList();
    }
}
