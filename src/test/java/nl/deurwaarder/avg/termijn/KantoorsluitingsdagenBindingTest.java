package nl.deurwaarder.avg.termijn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code avg.kantoor.*} and the bean name used in BPMN expressions; a minimal context, no engine. */
class KantoorsluitingsdagenBindingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TermijnConfiguratie.class, Termijnberekening.class);

    @Test
    void closingDaysAreBoundFromACommaSeparatedProperty() {
        context.withPropertyValues("avg.kantoor.sluitingsdagen=2026-04-03,2026-12-31").run(ctx -> {
            assertThat(ctx.getBean(Kantoorsluitingsdagen.class).sluitingsdagen())
                    .containsExactly(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 12, 31));

            Termijnberekening termijn = ctx.getBean("termijn", Termijnberekening.class);
            assertThat(termijn.isWerkdag(LocalDate.of(2026, 4, 3))).isFalse();
            assertThat(termijn.laatsteDagMaanden(LocalDate.of(2026, 3, 3), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        });
    }

    @Test
    void closingDaysAreBoundFromAYamlStyleList() {
        context.withPropertyValues(
                "avg.kantoor.sluitingsdagen[0]=2026-04-03",
                "avg.kantoor.sluitingsdagen[1]=2026-12-31").run(ctx ->
                assertThat(ctx.getBean(Kantoorsluitingsdagen.class).sluitingsdagen())
                        .containsExactly(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void withoutConfigurationThereAreNoClosingDays() {
        context.run(ctx -> {
            assertThat(ctx.getBean(Kantoorsluitingsdagen.class).sluitingsdagen()).isEmpty();
            assertThat(ctx.getBean("termijn", Termijnberekening.class).isWerkdag(LocalDate.of(2026, 4, 3))).isTrue();
        });
    }

    @Test
    void anUnreadableDateStopsTheApplication() {
        context.withPropertyValues("avg.kantoor.sluitingsdagen=Goede Vrijdag").run(ctx ->
                assertThat(ctx).hasFailed().getFailure()
                        .hasStackTraceContaining("avg.kantoor.sluitingsdagen"));
    }
}
