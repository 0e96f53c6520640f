package newsalert.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import org.junit.jupiter.api.Test;

/** A story in another language gets nothing from the English rules; an English one is analysed as before. */
class AssessorLanguageTest {
    private final Assessor assessor = Assessor.create(AnalysisSettings.defaults());

    @Test
    void aGermanAttackStoryIsNotAnalysed() {
        Assessment a = assessor.assess(new Story("de-1", "Test", "Raketenangriff auf Bahnhof: zwölf Tote",
                null, null, "Bei einem Raketenangriff auf den Bahnhof der Stadt sind am Mittwoch zwölf Menschen "
                + "getötet und mindestens 40 verletzt worden, sagte der Gouverneur. Die Regierung verurteilte den "
                + "Angriff und kündigte Gespräche mit den Partnern an."));
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.topics()).isEmpty();
        assertThat(a.alert()).isFalse();
        assertThat(a.severity()).isZero();
        assertThat(a.casualties()).isEqualTo(Casualties.NONE);
        assertThat(a.quotes()).isEmpty();
        assertThat(a.reasons()).containsExactly("language: de — not analysed");
        assertThat(a.analysed()).isFalse();
    }

    @Test
    void aRussianStoryNamesItsLanguageInTheReason() {
        Assessment a = assessor.assess(new Story("ru-1", "Test", "Ракетный удар по вокзалу: погибли 12 человек",
                null, null, "В среду ракета попала в здание вокзала. По словам губернатора, погибли 12 человек, "
                + "ещё 40 получили ранения."));
        assertThat(a.language()).isEqualTo("ru");
        assertThat(a.reasons()).containsExactly("language: ru — not analysed");
        assertThat(a.topics()).isEmpty();
    }

    @Test
    void anEnglishAttackStoryIsAnalysedAndSaysEnglish() {
        Assessment a = assessor.assess(new Story("en-1", "Test", "Missile strike on rail station kills 12",
                null, null, "A missile struck the main rail station of the city on Wednesday, killing 12 people "
                + "and wounding at least 40, the regional governor said."));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.topics()).contains(Topic.ATTACK);
        assertThat(a.casualties().killed().min()).isEqualTo(12);
        assertThat(a.analysed()).isTrue();
        assertThat(a.reasons()).noneMatch(r -> r.startsWith("language:"));
    }
}
