package se.lotsen.review;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.lotsen.routines.RoutineLinks;

/**
 * The findings of case reviews that led to a routine version, listed with the version's change note (so one sees
 * which findings led to which revision). No personal data: the review's name, the area and the finding's text.
 */
@Component
class ReviewRoutineLinks implements RoutineLinks {

    static final String GROUP = "review.links.group";

    private final Reviews reviews;

    ReviewRoutineLinks(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<Link> links(UUID versionId, String routineKey, String stepKey) {
        if (stepKey != null || versionId == null) {
            return List.of();
        }
        return reviews.findingsForVersion(versionId).stream()
                .map(f -> new Link(GROUP, f.reviewName() + ": " + f.text(),
                        "/reviews/" + f.reviewId() + "/results#finding-" + f.id()))
                .toList();
    }
}
