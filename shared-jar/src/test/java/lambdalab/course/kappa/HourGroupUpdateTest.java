package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.sketches.VisitorSketches;
import lambdalab.course.speed.HourAggregate;
import org.junit.jupiter.api.Test;

class HourGroupUpdateTest {

    @Test
    void aBatchOfAGroupIsCountedPerActionWithTheSketchOfItsVisitors() {
        List<KappaEvent> events = List.of(event(Action.PURCHASE, "Visitor-1"), event(Action.PAGE_VIEW, "Visitor-1"),
                event(Action.PAGE_VIEW, "Visitor-2"), event(Action.ADD_TO_CART, "Visitor-3"));
        HourAggregate aggregate = HourGroupUpdate.aggregate(events.iterator());
        assertThat(List.of(aggregate.purchases(), aggregate.addToCarts(), aggregate.pageViews()))
                .containsExactly(1L, 1L, 2L);
        assertThat(aggregate.visitorsSketch()).isEqualTo(VisitorSketches.of(List.of("Visitor-1", "Visitor-1",
                "Visitor-2", "Visitor-3")));
        assertThat(aggregate.uniqueVisitors()).isEqualTo(3);
    }

    private static KappaEvent event(Action action, String visitor) {
        return KappaEvent.of(new ClickEvent(3_600_000, "Google", action, "", visitor, "Page-1", "Acme,Anvil"));
    }
}
