package se.lotsen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The processor-time sampler reads {@code /proc} lines as Linux writes them and divides by the requests. */
class CpuSamplerTest {

    /** A postmaster's line: utime 1500, stime 500, cutime 300, cstime 200; parent 1. */
    private static final String POSTMASTER = "12302 (postgres) S 1 12302 12302 0 -1 4194560 96187 2143312 0 1 1500"
            + " 500 300 200 20 0 1 0 1234 231931904 6655 18446744073709551615 1 1 0 0 0 0 4194304 19935232"
            + " 84487 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void aProcessesTimeIsItsUserAndSystemTimeAndItsEndedChildrensWhenAsked() {
        assertThat(CpuSampler.ticks(POSTMASTER, false)).isEqualTo(2000);
        assertThat(CpuSampler.ticks(POSTMASTER, true)).isEqualTo(2500);
        assertThat(CpuSampler.parent(POSTMASTER)).isEqualTo(1);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String line = POSTMASTER.replace("(postgres)", "(post (gres) x)").replace("S 1 12302", "S 77 12302");
        assertThat(CpuSampler.ticks(line, false)).isEqualTo(2000);
        assertThat(CpuSampler.parent(line)).isEqualTo(77);
    }

    @Test
    void theMachinesBusyTimeLeavesOutIdleAndWaitingForDisks() {
        long[] t = CpuSampler.machineTicks("cpu  100 5 50 1000 20 3 2 1 0 0");
        assertThat(t[0]).isEqualTo(100 + 5 + 50 + 3 + 2 + 1);
        assertThat(t[1]).isEqualTo(100 + 5 + 50 + 1000 + 20 + 3 + 2 + 1);
        assertThat(CpuSampler.machineTicks("cpu0 1 2 3")).containsExactly(-1, -1);
    }

    @Test
    void theTimeBetweenTwoSnapshotsIsDividedAmongTheRequests() {
        CpuSampler sampler = new CpuSampler(null, null);
        CpuSampler.Snapshot before = new CpuSampler.Snapshot(1000, 400, 200, 10_000, 40_000);
        // 100 requests; app 300 ticks, database 100, driver 50, machine busy 500 of 1,000.
        CpuSampler.Snapshot after = new CpuSampler.Snapshot(1300, 500, 250, 10_500, 41_000);
        CpuSampler.PerRequest p = sampler.perRequest(before, after, 100);
        double tick = 1000.0 / ticksPerSecond();
        assertThat(p.app()).isEqualTo(Math.round(3 * tick * 100) / 100.0);
        assertThat(p.database()).isEqualTo(Math.round(1 * tick * 100) / 100.0);
        assertThat(p.driver()).isEqualTo(Math.round(0.5 * tick * 100) / 100.0);
        assertThat(p.other()).isEqualTo(Math.round(0.5 * tick * 100) / 100.0);
        assertThat(p.server()).isEqualTo(p.app() + p.database());
        assertThat(p.busyCores()).isEqualTo(Math.round(Runtime.getRuntime().availableProcessors() * 0.5 * 100) / 100.0);
    }

    @Test
    void aPartThatCouldNotBeReadIsLeftOutNotCountedAsNothing() {
        CpuSampler sampler = new CpuSampler(null, null);
        CpuSampler.PerRequest p = sampler.perRequest(new CpuSampler.Snapshot(0, -1, -1, 0, 0),
                new CpuSampler.Snapshot(100, -1, -1, 100, 200), 10);
        assertThat(p.database()).isNull();
        assertThat(p.driver()).isNull();
        assertThat(p.server()).isNull();
        assertThat(sampler.perRequest(null, null, 10).app()).isNull();
        assertThat(sampler.perRequest(new CpuSampler.Snapshot(0, 0, 0, 0, 0),
                new CpuSampler.Snapshot(1, 1, 1, 1, 1), 0).app()).isNull();
    }

    @Test
    void onLinuxItReadsThisProcessesOwnTime() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc: not Linux");
        CpuSampler sampler = new CpuSampler(ProcessHandle.current().pid(), null);
        CpuSampler.Snapshot s = sampler.snapshot();
        assertThat(s.app()).isPositive();
        assertThat(s.database()).isEqualTo(-1);
        assertThat(s.machineAll()).isGreaterThanOrEqualTo(s.machineBusy()).isPositive();
    }

    private static long ticksPerSecond() {
        return new CpuSampler(null, null).ticksPerSecond();
    }
}
