package lambdalab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lambdalab.lab.service.NodeLayout;
import lambdalab.lab.settings.Profile;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void everyPortSettingGetsADistinctFreePortBelowTheEphemeralRange() {
        Map<String, String> ports = FreePorts.forAllPortSettings();

        assertThat(ports).isNotEmpty().allSatisfy((key, value) -> assertThat(key).endsWith(".port"));
        List<Integer> picked = ports.values().stream().map(Integer::parseInt).toList();
        assertThat(picked).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1))
                .allSatisfy(port -> assertThat(Ports.isFree("127.0.0.1", port)).as("port %d free", port).isTrue());
    }

    @Test
    void aClusterLabsDerivedPortsAreDistinctAndBelowTheEphemeralRangeToo() {
        Map<String, String> ports = FreePorts.forProfile(Profile.CLUSTER);

        List<Integer> everyNodesPorts = new ArrayList<>();
        for (String value : ports.values()) {
            for (int node = 0; node < 3; node++) {
                everyNodesPorts.add(Integer.parseInt(value) + node * NodeLayout.PORT_STEP);
            }
        }
        assertThat(everyNodesPorts).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1));
    }
}
