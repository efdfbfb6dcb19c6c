package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntHashSetTest {

    @Test
    void behavesLikeAHashSetThroughManyResizes() {
        IntHashSet set = new IntHashSet();
        Set<Integer> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        int disagreements = 0;
        for (int i = 0; i < 200_000; i++) {
            int value = random.nextInt(100_000);
            disagreements += set.add(value) == reference.add(value) ? 0 : 1;
        }
        assertThat(disagreements).isZero();
        assertThat(set.size()).isEqualTo(reference.size());
        // sorted and compared as arrays: containsExactlyInAnyOrder is quadratic, 15 s for these 86k values
        int[] held = set.toArray();
        Arrays.sort(held);
        assertThat(held).isEqualTo(reference.stream().mapToInt(Integer::intValue).sorted().toArray());
        for (int value = 0; value < 100_000; value++) {
            disagreements += set.contains(value) == reference.contains(value) ? 0 : 1;
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void holdsZeroAndTheLargestAllowedValue() {
        IntHashSet set = new IntHashSet();
        assertThat(set.contains(0)).isFalse();
        assertThat(set.add(0)).isTrue();
        assertThat(set.add(Integer.MAX_VALUE - 1)).isTrue();
        assertThat(set.add(0)).isFalse();
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.toArray()).containsExactlyInAnyOrder(0, Integer.MAX_VALUE - 1);
    }

    @Test
    void rejectsValuesItCannotStore() {
        IntHashSet set = new IntHashSet();
        assertThatThrownBy(() -> set.add(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> set.add(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(set.contains(-1)).isFalse();
    }
}
