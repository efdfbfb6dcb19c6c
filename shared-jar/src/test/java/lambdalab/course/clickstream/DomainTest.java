package lambdalab.course.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void shipsAbout240UniqueBrandProductNames() {
        List<String> products = Domain.products();
        assertThat(products).hasSize(240);
        assertThat(new HashSet<>(products)).hasSize(products.size());
        assertThat(products).allSatisfy(p -> assertThat(p).matches("[^,\\t]+,[^\\t]+"));
        assertThat(products.get(0)).isEqualTo("Brackenfell,Trail Runner 3");
    }

    @Test
    void referrersEndWithInternal() {
        assertThat(Domain.REFERRERS).containsExactly(
                "Google", "Bing", "Yahoo", "Twitter", "Facebook", "Other", "Direct", "Internal");
    }

    @Test
    void visitorAndPageNames() {
        assertThat(Domain.visitor(17)).isEqualTo("Visitor-17");
        assertThat(Domain.page(0)).isEqualTo("Page-0");
        assertThat(Domain.visitorNumber("Visitor-999999")).isEqualTo(999_999);
        assertThat(Domain.visitorNumber("Visitor-2147483647")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void visitorNumberRejectsOtherIds() {
        for (String bad : new String[] {"Visitor-", "visitor-1", "Visitor--1", "Visitor-1x", "Visitor-2147483648", "V"}) {
            assertThatThrownBy(() -> Domain.visitorNumber(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void productLinesAreChecked() {
        assertThat(Domain.parse(List.of("A,b", "", "  C,d  "))).containsExactly("A,b", "C,d");
        assertThatThrownBy(() -> Domain.parse(List.of("A,b", "A,b"))).hasMessageContaining("line 2").hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Domain.parse(List.of("no comma"))).hasMessageContaining("Brand,Product");
        assertThatThrownBy(() -> Domain.parse(List.of("A,b\tc"))).hasMessageContaining("tab");
    }
}
