package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KappaVersionTest {

    @Test
    void aVersionNamesItsTablesAndItsJob() {
        KappaVersion version = KappaVersion.parse("2");
        assertThat(version.activityTable()).isEqualTo("activity_by_product_v2");
        assertThat(version.visitorsTable()).isEqualTo("visitors_by_product_v2");
        assertThat(version.jobName()).isEqualTo("kappa-v2");
        assertThat(version.label()).isEqualTo("v2");
        assertThat(version.next()).isEqualTo(new KappaVersion(3));
    }

    @Test
    void learnersMayTypeTheNumberWithOrWithoutV() {
        assertThat(KappaVersion.parse("v7")).isEqualTo(new KappaVersion(7));
        assertThat(KappaVersion.parse(" V12 ")).isEqualTo(new KappaVersion(12));
    }

    @Test
    void aJobNameGivesItsVersionBackAndOtherJobsNone() {
        assertThat(KappaVersion.ofJobName("kappa-v3")).contains(new KappaVersion(3));
        assertThat(KappaVersion.ofJobName("plus-speed")).isEmpty();
        assertThat(KappaVersion.ofJobName("kappa-vx")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedSayingWhatAVersionIs() {
        for (String bad : new String[] {"0", "-1", "two", "", "1000", "2.5"}) {
            assertThatThrownBy(() -> KappaVersion.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole number");
        }
    }
}
