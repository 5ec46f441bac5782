package lotse.esanalysis;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
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
        /** Empty or the language's own list (["_german_"] etc.): its default; ["_none_"]: none. */
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

    @NamedComponent("arabic")
    public static class Arabic implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public Arabic(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new ArabicAnalyzer(
                stopwords(s, ArabicAnalyzer.getDefaultStopSet(), "_arabic_"),
                new CharArraySet(s.stemExclusion(), false));
        }
    }

    /** Like Elasticsearch's, it takes only {@code stopwords} (no {@code stem_exclusion}). */
    @NamedComponent("persian")
    public static class Persian implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public Persian(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new PersianAnalyzer(stopwords(s, PersianAnalyzer.getDefaultStopSet(), "_persian_"));
        }
    }

    @NamedComponent("russian")
    public static class Russian implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public Russian(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new RussianAnalyzer(
                stopwords(s, RussianAnalyzer.getDefaultStopSet(), "_russian_"),
                new CharArraySet(s.stemExclusion(), false));
        }
    }

    @NamedComponent("turkish")
    public static class Turkish implements AnalyzerFactory {
        private final LanguageSettings s;

        @Inject
        public Turkish(LanguageSettings s) {
            this.s = s;
        }

        @Override
        public Analyzer create() {
            return new TurkishAnalyzer(
                stopwords(s, TurkishAnalyzer.getDefaultStopSet(), "_turkish_"),
                new CharArraySet(s.stemExclusion(), false));
        }
    }
}
