package se.lotsen.routines.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.lotsen.common.NotFoundException;
import se.lotsen.routines.OpenCases;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/** What the routine pages share: finding versions, the version to compare with, the open cases per version. */
@Component
class RoutineViews {

    private final Routines routines;
    private final ObjectProvider<OpenCases> openCases;

    RoutineViews(Routines routines, ObjectProvider<OpenCases> openCases) {
        this.routines = routines;
        this.openCases = openCases;
    }

    /** The routine keys the pages show. Lotsen ships one routine; more would be listed here. */
    List<String> routineKeys() {
        return List.of(Routines.ACUTE);
    }

    /** All versions of the routine, newest first; 404 when the routine does not exist. */
    List<RoutineVersion> versions(String routineKey) {
        List<RoutineVersion> versions = routines.versions(routineKey);
        if (versions.isEmpty()) {
            throw new NotFoundException("routine");
        }
        return versions;
    }

    RoutineVersion version(UUID id) {
        return routines.version(id).orElseThrow(() -> new NotFoundException("routine version"));
    }

    /**
     * The version to show the differences against: for a published version the newest older published one, for a
     * draft the current published version.
     */
    Optional<RoutineVersion> previousOf(RoutineVersion version) {
        return routines.versions(version.routineKey()).stream()
                .filter(RoutineVersion::published)
                .filter(v -> v.number() < version.number())
                .max(Comparator.comparingInt(RoutineVersion::number));
    }

    Differences differences(RoutineVersion version) {
        return previousOf(version)
                .map(older -> Differences.between(older.number(), older.document(), version.document()))
                .orElse(null);
    }

    /** Open cases per unit by routine version id; empty when the cases module does not (yet) provide them. */
    Map<UUID, List<OpenCases.VersionUse>> openCases() {
        OpenCases cases = openCases.getIfAvailable();
        if (cases == null) {
            return Map.of();
        }
        Map<UUID, List<OpenCases.VersionUse>> byVersion = new java.util.LinkedHashMap<>();
        cases.byRoutineVersion().forEach(u -> byVersion.computeIfAbsent(u.versionId(), v -> new java.util.ArrayList<>())
                .add(u));
        return byVersion;
    }
}
