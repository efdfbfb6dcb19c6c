package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void wireNamesRoundTrip() {
        assertThat(Action.fromWire("purchase")).contains(Action.PURCHASE);
        assertThat(Action.fromWire("add_to_cart")).contains(Action.ADD_TO_CART);
        assertThat(Action.fromWire("page_view")).contains(Action.PAGE_VIEW);
        for (Action action : Action.values()) {
            assertThat(Action.fromWire(action.wireName())).contains(action);
        }
    }

    @Test
    void anythingElseIsEmpty() {
        assertThat(Action.fromWire("PURCHASE")).isEmpty();
        assertThat(Action.fromWire("")).isEmpty();
        assertThat(Action.fromWire(null)).isEmpty();
        assertThat(Action.fromWire("page_view ")).isEmpty();
    }
}
