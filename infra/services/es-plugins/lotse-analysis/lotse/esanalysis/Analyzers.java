package lotse.esanalysis;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** The language analyzers Lotse uses: Lucene's, as Elasticsearch's analysis-common wraps them. */
public final class Analyzers {
    private Analyzers() {}

    @AnalysisSettings
    public interface LanguageSettings {
        /** Empty or ["_german_"]/["_english_"]: the language's default list; ["_none_"]: none. */
        @ListSetting(path = "stopwords")
        List<String> stopwords();

        @ListSetting(path = "stem_exclusion")
        List<String> stemExclusion();
    }

    static CharArraySet stopwords(LanguageSettings s, CharArraySet dflt, String name) {
        List<String> w = s.stopwords();
        if (w.isEmpty() || w.equals(List.of(name))) {
            return dflt;
        }
        if (w.equals(List.of("_none_"))) {
            return CharArraySet.EMPTY_SET;
        }
        return new CharArraySet(w, true);
    }

    @NamedComponent("german")
    public static class German implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public German(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new GermanAnalyzer(
                stopwords(s, GermanAnalyzer.getDefaultStopSet(), "_german_"),
                new CharArraySet(s.stemExclusion(), false));
        }
    }

    @NamedComponent("english")
    public static class English implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public English(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new EnglishAnalyzer(
                stopwords(s, EnglishAnalyzer.getDefaultStopSet(), "_english_"),
                new CharArraySet(s.stemExclusion(), false));
        }
    }
}
