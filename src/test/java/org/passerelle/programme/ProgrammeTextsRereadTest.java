package org.passerelle.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A node reads a text's latest version once per {@link ProgrammeTexts#REREAD_AFTER}, not at every message: a save on
 * this node applies at once, one made on another node within that delay.
 */
class ProgrammeTextsRereadTest {

    private final Map<String, ProgrammeText> latest = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final ProgrammeTexts texts = new ProgrammeTexts(table(), Clock.systemUTC(), nanos::get);

    @Test
    void theShippedTextIsReadOnceThenKeptUntilTheDelay() {
        String shipped = texts.definition(ProgrammeTexts.NUDGE_1).shipped();

        assertThat(texts.current(ProgrammeTexts.NUDGE_1)).isEqualTo(shipped);
        assertThat(texts.current(ProgrammeTexts.NUDGE_1)).isEqualTo(shipped);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aVersionSavedOnAnotherNodeAppliesOnceTheDelayHasPassed() {
        texts.current(ProgrammeTexts.NUDGE_1);
        latest.put(ProgrammeTexts.NUDGE_1, version(2, "Salut {{prenom}}, tu en es où ?"));

        advance(ProgrammeTexts.REREAD_AFTER.minusSeconds(1).toNanos());
        assertThat(texts.current(ProgrammeTexts.NUDGE_1)).as("still the version read").doesNotContain("tu en es où");
        advance(ProgrammeTexts.REREAD_AFTER.toNanos());
        assertThat(texts.render(ProgrammeTexts.NUDGE_1, Map.of("prenom", "Inès"))).isEqualTo("Salut Inès, tu en es où ?");
    }

    @Test
    void aVersionSavedOnThisNodeAppliesToTheNextMessage() {
        texts.current(ProgrammeTexts.NUDGE_2);

        texts.save(ProgrammeTexts.NUDGE_2, "Coucou {{prenom}}, on se reparle ?", "responsable");

        assertThat(texts.render(ProgrammeTexts.NUDGE_2, Map.of("prenom", "Noé"))).isEqualTo("Coucou Noé, on se reparle ?");
    }

    private void advance(long byNanos) {
        nanos.addAndGet(byNanos);
    }

    private static ProgrammeText version(int number, String body) {
        return new ProgrammeText(ProgrammeTexts.NUDGE_1, number, body, "responsable", Instant.now());
    }

    /** The table as the repository answers it; saves land in it. */
    private ProgrammeTextRepository table() {
        return (ProgrammeTextRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ProgrammeTextRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findFirstByKeyOrderByVersionDesc" -> {
                        reads.incrementAndGet();
                        yield Optional.ofNullable(latest.get((String) args[0]));
                    }
                    case "save" -> {
                        ProgrammeText saved = (ProgrammeText) args[0];
                        latest.put(saved.getKey(), saved);
                        yield saved;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
