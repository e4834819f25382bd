package org.passerelle.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's preview fills every value of every text: a lead sees the whole message, conditional parts included. */
class TextPreviewExamplesTest {

    @Test
    void everyValueOfEveryTextHasAnExample() {
        ProgrammeTexts texts = new ProgrammeTexts(null, java.time.Clock.systemUTC());

        for (ProgrammeTexts.Definition definition : texts.definitions()) {
            assertThat(ProgrammeTextsPage.EXAMPLE).as(definition.title()).containsKeys(definition.placeholders().toArray(String[]::new));
        }
    }

    @Test
    void theAlreadySignedUpEmailShowsItsSpaceLinkInThePreview() {
        ProgrammeTexts texts = new ProgrammeTexts(null, java.time.Clock.systemUTC());
        String shipped = texts.definition(ProgrammeTexts.MENTOR_ALREADY_SIGNED_UP_EMAIL).shipped();

        assertThat(texts.preview(ProgrammeTexts.MENTOR_ALREADY_SIGNED_UP_EMAIL, shipped, ProgrammeTextsPage.EXAMPLE))
                .contains("Bonjour Julien Moreau,", "quitter le programme : https://passerelle.example.org/mentors/espace?t=exemple");
    }
}
