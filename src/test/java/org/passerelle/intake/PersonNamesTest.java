package org.passerelle.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names as youths write them stay readable; markup, links and invisible characters do not survive. */
class PersonNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Maëva|Maëva",
            "Jean-Luc|Jean-Luc",
            "N'Golo|N'Golo",
            "  Inès   Marie |Inès Marie",
            "محمد|محمد",
            "<img src=x onerror=alert(1)>|img srcx onerroralert1",
            "[clique](https://evil.example)|cliquehttpsevilexample",
            "www.evil.example|wwwevilexample",
            "**Kévin**|Kévin",
            "Sa\u202Eliv\u0000ia|Salivia",
            "<>[]()|",
    })
    void onlyPlainTextRemains(String given, String expected) {
        assertThat(PersonNames.clean(given)).isEqualTo(expected);
    }
}
