package newsalert.analysis.text;

import newsalert.analysis.casualty.CasualtyBits;
import newsalert.analysis.casualty.CasualtyContext;
import newsalert.analysis.casualty.CasualtyEvidence;
import newsalert.analysis.casualty.CasualtyFraming;
import newsalert.analysis.casualty.CasualtyLexicon;
import newsalert.analysis.casualty.CasualtyMembers;
import newsalert.analysis.casualty.CasualtyMentionFinder;
import newsalert.analysis.casualty.CasualtyWords;
import newsalert.analysis.quote.QuoteSentences;
import newsalert.analysis.quote.QuoteShapes;
import newsalert.analysis.quote.QuoteText;
import newsalert.analysis.quote.SpeakerLexicon;
import newsalert.analysis.quote.SpeakerNames;
import newsalert.analysis.quote.SpeakerParser;
import newsalert.analysis.quote.SpeakerWords;
import newsalert.analysis.topic.TopicFrames;
import newsalert.analysis.topic.TopicTally;
import newsalert.analysis.topic.WorkTitles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The casualty and quote word lists are read from YAML resources; the loader fails fast on bad lists. */
class WordListsTest {
    private static final String DIR = "analysis/wordlists/";

    private static WordLists load(String name) {
        try (InputStream in = WordListsTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertThat(in).as("test resource " + DIR + name).isNotNull();
            return WordLists.parse(in, DIR + name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void initHolders() throws ClassNotFoundException {
        for (String holder : List.of("CasualtyLexicon", "CasualtyWords", "SpeakerLexicon", "QuoteShapes",
                "CasualtyContext", "CasualtyMembers", "CasualtyMentionFinder", "CasualtyEvidence", "QuoteSentences",
                "QuoteText", "WorkTitles", "SpeakerParser", "SpeakerWords", "CasualtyFraming", "CasualtyBits",
                "SpeakerNames")) {
            Class.forName("newsalert.analysis." + (holder.startsWith("Casualty") ? "casualty." : holder.startsWith("WorkTitles") ? "topic." : "quote.") + holder, true, WordListsTest.class.getClassLoader());
        }
    }

    @Test
    void everyCasualtyKeyIsReadByAHolderAndNonEmpty() throws ClassNotFoundException {
        initHolders();
        WordLists w = WordLists.CASUALTY;
        assertThat(w.keys()).containsExactly("killed", "injured", "missing", "kill_verbs",
                "injure_verbs", "manner", "aux", "not_victims", "perpetrators", "after_block",
                "of_whole_determiners", "before_block", "subgroup", "paren_open", "toll_link", "time_words",
                "conflict", "toll_update", "stop", "object_start", "of_determiners", "clause_end", "verb_aux",
                "die_next", "forces", "context_determiners", "year_ok", "spans", "months", "so_far", "copula", "main_verb",
                "article_not_one", "possessives", "modifier_start", "reporting", "single_persons",
                "single_passive_next", "participle_ok", "vague",
                "claimed", "evidence_titles", "hypothetical", "intent", "response", "conflict_start",
                "war_subjects", "english_marks", "foreign_marks");
        assertThat(w.usedKeys()).containsExactlyInAnyOrderElementsOf(w.keys());
        w.keys().forEach(k -> assertThat(w.list(k)).as(k).isNotEmpty());
    }

    @Test
    void everyTopicFrameKeyIsReadAndNonEmpty() throws ClassNotFoundException {
        Class.forName("newsalert.analysis.topic.TopicFrames", true, WordListsTest.class.getClassLoader());
        Class.forName("newsalert.analysis.topic.TopicTally", true, WordListsTest.class.getClassLoader());
        WordLists w = WordLists.TOPIC;
        assertThat(w.keys()).containsExactly("modal_before", "modal_after", "supplied", "past_lead", "past_units",
                "aftermath", "clause_openers", "harm", "reaction", "conflict_start", "comment_verbs");
        assertThat(w.usedKeys()).containsExactlyInAnyOrderElementsOf(w.keys());
        w.keys().forEach(k -> assertThat(w.list(k)).as(k).isNotEmpty());
    }

    @Test
    void everyQuoteKeyIsReadByAHolderAndNonEmpty() throws ClassNotFoundException {
        initHolders();
        WordLists w = WordLists.QUOTE;
        assertThat(w.keys()).containsExactly("verbs", "label_words", "label_words_bare", "role_heads", "org_words", "org_acronyms",
                "pronouns", "not_name_start", "particles", "news_outlets", "modifier_determiners",
                "function_words", "abbreviations", "time_words", "time_leads", "work_nouns", "prepositions",
                "honorifics", "role_stop", "role_end_stop", "regnal_titles", "possessive_determiners", "relative");
        assertThat(w.usedKeys()).containsExactlyInAnyOrderElementsOf(w.keys());
        w.keys().forEach(k -> assertThat(w.list(k)).as(k).isNotEmpty());
    }

    @Test
    void holderConstantsCarryTheResourceWords() {
        assertThat(CasualtyLexicon.KILLED).hasSize(14).contains("killed", "dead", "drowned");
        assertThat(CasualtyLexicon.PERPETRATORS).hasSize(21).contains("gunmen", "suspects");
        assertThat(CasualtyLexicon.AFTER_BLOCK).contains("%", "a.m", "o'clock", "may").hasSize(91);
        assertThat(CasualtyLexicon.BEFORE_BLOCK).contains("$", "#", "no");
        assertThat(CasualtyWords.VERB_AUX).containsExactlyInAnyOrder("were", "was", "are", "is", "have", "has", "had");
        assertThat(SpeakerLexicon.PRONOUNS).containsExactlyInAnyOrder("he", "she", "they", "it");
        assertThat(SpeakerLexicon.ORG_ACRONYMS).contains("UN", "NATO").doesNotContain("Un", "un");
        assertThat(SpeakerLexicon.NOT_NAME_START).contains("According", "Monday").hasSize(141);
        assertThat(SpeakerLexicon.VERBS).hasSize(103).contains("said", "reiterated", "reported", "explains")
                .doesNotContain("remarks", "comments");
        assertThat(CasualtyMembers.ARTICLE_NOT_ONE).hasSize(33).contains("few", "car", "suicide");
        assertThat(CasualtyMembers.REPORTING).hasSize(9).contains("said", "according");
        assertThat(WorkTitles.WORK_NOUNS).hasSize(26).contains("album", "entitled");
        assertThat(SpeakerLexicon.isNewsOutlet("Al Jazeera")).isTrue();
        assertThat(SpeakerLexicon.isLabelBefore("the so-called")).isTrue();
        assertThatThrownBy(() -> CasualtyLexicon.KILLED.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsListsInFileOrder() {
        WordLists w = load("good.yml");
        assertThat(w.keys()).containsExactly("verbs", "labels");
        assertThat(w.list("labels")).containsExactly("so-called", "dubbed", "known as");
        assertThat(w.set("verbs")).isEqualTo(Set.of("said", "told"));
        assertThat(w.usedKeys()).containsExactly("labels", "verbs");
    }

    @Test
    void aMissingKeyFailsNamingResourceAndKey() {
        WordLists w = load("good.yml");
        assertThatThrownBy(() -> w.set("role_heads"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("word list resource analysis/wordlists/good.yml has no key 'role_heads'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            empty-list.yml  | key 'labels' in word list resource analysis/wordlists/empty-list.yml is empty
            not-string.yml  | key 'verbs' in word list resource analysis/wordlists/not-string.yml: entry 12 is not a string (quote it)
            duplicate.yml   | key 'verbs' in word list resource analysis/wordlists/duplicate.yml lists "said" twice
            scalar.yml      | key 'verbs' in word list resource analysis/wordlists/scalar.yml must be a list of quoted strings
            blank.yml       | key 'verbs' in word list resource analysis/wordlists/blank.yml has a blank entry
            not-mapping.yml | word list resource analysis/wordlists/not-mapping.yml must be a mapping of key to list
            """)
    void aMalformedListFailsNamingResourceAndKey(String file, String message) {
        assertThatThrownBy(() -> load(file)).isInstanceOf(IllegalStateException.class).hasMessage(message);
    }

    @Test
    void brokenYamlFailsNamingTheResource() {
        assertThatThrownBy(() -> load("broken.yml")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("word list resource analysis/wordlists/broken.yml is not valid YAML: ");
    }

    @Test
    void aMissingResourceFailsNamingIt() {
        assertThatThrownBy(() -> WordLists.fromResource("newsalert/no-such-words.yml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("word list resource newsalert/no-such-words.yml not found on the classpath");
    }
}
