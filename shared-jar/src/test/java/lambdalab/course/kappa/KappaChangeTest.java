package lambdalab.course.kappa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lambdalab.course.clickstream.Action;
import lambdalab.course.clickstream.ClickEvent;
import lambdalab.course.clickstream.ClickstreamGenerator;
import lambdalab.course.clickstream.GeneratorSettings;
import org.junit.jupiter.api.Test;

class KappaChangeTest {

    @Test
    void theBotFilterDropsExactlyTheVisitorsWhoseNumberIsAMultipleOf100() {
        assertThat(KappaChange.BOT_FILTER.keeps(event("Visitor-0"))).isFalse();
        assertThat(KappaChange.BOT_FILTER.keeps(event("Visitor-300"))).isFalse();
        assertThat(KappaChange.BOT_FILTER.keeps(event("Visitor-301"))).isTrue();
        assertThat(KappaChange.BOT_FILTER.keeps(event("Visitor-10"))).isTrue();
        assertThat(KappaChange.NONE.keeps(event("Visitor-300"))).isTrue();
    }

    @Test
    void aVisitorIdTheGeneratorNeverMakesIsNoBot() {
        assertThat(KappaChange.BOT_FILTER.keeps(event("crawler"))).isTrue();
    }

    @Test
    void onGeneratedTrafficTheBotsAreAboutOnePercentOfTheEvents() {
        ClickstreamGenerator generator = new ClickstreamGenerator(GeneratorSettings.builder().events(50_000).seed(3)
                .visitors(5_000).build());
        long dropped = 0;
        while (generator.hasNext()) {
            dropped += KappaChange.BOT_FILTER.keeps(generator.next()) ? 0 : 1;
        }
        assertThat(dropped).isBetween(300L, 700L);
    }

    @Test
    void changesAreChosenByNameAndAnUnknownNameListsTheKnownOnes() {
        assertThat(KappaChange.byName("bot-filter")).isEqualTo(KappaChange.BOT_FILTER);
        assertThat(KappaChange.byName(" NONE ")).isEqualTo(KappaChange.NONE);
        assertThatThrownBy(() -> KappaChange.byName("spam-filter")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown change 'spam-filter'").hasMessageContaining("bot-filter (");
    }

    private static ClickEvent event(String visitor) {
        return new ClickEvent(0, "Google", Action.PAGE_VIEW, "", visitor, "Page-1", "Acme,Anvil");
    }
}
