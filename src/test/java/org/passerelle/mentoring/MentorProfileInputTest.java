package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What people type about a mentor, read into a profile or refused with every reason in French. */
class MentorProfileInputTest {

    private static MentorProfileInput.Typed typed(String territories, boolean remote, String capacity, String email) {
        return new MentorProfileInput.Typed(" Fatou ", "Diallo", "EDF", "", "sante", email, territories, remote,
                List.of("cv", "reseau"), List.of("emploi"), "", capacity, "  ");
    }

    @Test
    void aTypicalSignUpIsReadCleanly() throws Exception {
        Mentor.Profile profile = MentorProfileInput.read(typed("974; 2a  93,93", false, " 2 ", " Fatou.Diallo@EDF.fr "));

        assertThat(profile.firstName()).isEqualTo("Fatou");
        assertThat(profile.email()).isEqualTo("fatou.diallo@edf.fr");
        assertThat(profile.territories()).containsExactly("974", "2A", "93");
        assertThat(profile.capacity()).isEqualTo(2);
        assertThat(profile.jobTitle()).isNull();
        assertThat(profile.availability()).isNull();
    }

    @Test
    void remoteOnlyNeedsNoDepartement() throws Exception {
        assertThat(MentorProfileInput.read(typed("", true, "1", "a@b.fr")).territories()).isEmpty();
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        assertThatThrownBy(() -> MentorProfileInput.read(typed("", false, "11", "pas@adresse")))
                .isInstanceOfSatisfying(MentorProfileInput.Refused.class, refused -> assertThat(refused.problems()).containsExactly(
                        "L'adresse e-mail n'est pas valide (exemple : prenom.nom@entreprise.fr).",
                        "Indiquez au moins un département où rencontrer les jeunes, ou cochez « à distance ».",
                        "Indiquez combien de jeunes vous pouvez suivre en même temps (de 1 à 10)."));
        assertThatThrownBy(() -> MentorProfileInput.read(new MentorProfileInput.Typed("", "x".repeat(81), "", null, "spatial",
                "a@b.fr", "75", false, List.of("cv", "hack"), List.of(), null, "deux", null)))
                .isInstanceOfSatisfying(MentorProfileInput.Refused.class, refused -> assertThat(refused.problems()).containsExactly(
                        "Indiquez le prénom.", "Raccourcissez le nom (80 caractères au plus).", "Indiquez l'entreprise.",
                        "Choisissez le secteur dans la liste.", "Valeur inconnue : « hack » (possibles : cv, entretien, reseau, decouverte).",
                        "Choisissez au moins un type de projet (stage, alternance, emploi).",
                        "Indiquez combien de jeunes vous pouvez suivre en même temps (de 1 à 10)."));
    }

    @Test
    void controlCharactersOfAPastedLineDisappear() throws Exception {
        var pasted = new MentorProfileInput.Typed("Ana\u0000is", "Ro\tsa", "La\nPoste", null, "transport", "ana@laposte.fr", "971",
                false, List.of("decouverte"), List.of("stage"), null, "1", null);
        Mentor.Profile profile = MentorProfileInput.read(pasted);
        assertThat(profile.firstName()).isEqualTo("Ana is");
        assertThat(profile.lastName()).isEqualTo("Ro sa");
        assertThat(profile.company()).isEqualTo("La Poste");
    }

    @Test
    void theYouthsGoalIsReadFromTheirOwnWords() {
        assertThat(MentorRanking.goalOf("Je cherche une alternance en cuisine")).isEqualTo("alternance");
        assertThat(MentorRanking.goalOf("Apprentie coiffeuse")).isEqualTo("alternance");
        assertThat(MentorRanking.goalOf("Un stage de 3e en électricité")).isEqualTo("stage");
        assertThat(MentorRanking.goalOf("Trouver un EMPLOI de cariste")).isEqualTo("emploi");
        assertThat(MentorRanking.goalOf("Infirmière")).isNull();
        assertThat(MentorRanking.goalOf(null)).isNull();
    }

    @Test
    void aYouthsCheckInReplyIsUnderstood() {
        assertThat(Mentorships.youthAnswer(" 1 ")).isEqualTo(MentorshipCheckIn.GOING_WELL);
        assertThat(Mentorships.youthAnswer("Très bien !")).isEqualTo(MentorshipCheckIn.GOING_WELL);
        assertThat(Mentorships.youthAnswer("pas encore vus")).isEqualTo(MentorshipCheckIn.NOT_MET_YET);
        assertThat(Mentorships.youthAnswer("Je veux arrêter")).isEqualTo(MentorshipCheckIn.OVER);
        assertThat(Mentorships.youthAnswer("3.")).isEqualTo(MentorshipCheckIn.OVER);
        assertThat(Mentorships.youthAnswer("13")).isNull();
        assertThat(Mentorships.CHECK_IN_REPLIES.stream().map(Mentorships::youthAnswer))
                .containsExactly(MentorshipCheckIn.GOING_WELL, MentorshipCheckIn.NOT_MET_YET, MentorshipCheckIn.OVER);
        assertThat(Mentorships.youthAnswer("j'ai une question sur mon CV")).isNull();
    }
}
