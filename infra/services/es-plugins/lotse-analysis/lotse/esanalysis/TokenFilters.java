package lotse.esanalysis;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.de.GermanStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/** Token filters of Elasticsearch's analysis-common module, on the same Lucene classes. */
public final class TokenFilters {
    private TokenFilters() {}

    @AnalysisSettings
    public interface PreserveOriginal {
        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    @NamedComponent("asciifolding")
    public static class AsciiFolding implements TokenFilterFactory {
        private final boolean preserveOriginal;

        @Inject
        public AsciiFolding(PreserveOriginal s) {
            this.preserveOriginal = s.preserveOriginal();
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ASCIIFoldingFilter(in, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return new ASCIIFoldingFilter(in, false);
        }
    }

    @AnalysisSettings
    public interface NGramSettings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    @NamedComponent("ngram")
    public static class NGram implements TokenFilterFactory {
        private final NGramSettings s;

        @Inject
        public NGram(NGramSettings s) {
            this.s = s;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new NGramTokenFilter(in, s.minGram(), s.maxGram(), s.preserveOriginal());
        }
    }

    @NamedComponent("edge_ngram")
    public static class EdgeNGram implements TokenFilterFactory {
        private final NGramSettings s;

        @Inject
        public EdgeNGram(NGramSettings s) {
            this.s = s;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new EdgeNGramTokenFilter(in, s.minGram(), s.maxGram(), s.preserveOriginal());
        }
    }

    @NamedComponent("german_normalization")
    public static class GermanNormalization implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new GermanNormalizationFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @NamedComponent("german_stem")
    public static class GermanStem implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new GermanStemFilter(in);
        }
    }

    @NamedComponent("arabic_normalization")
    public static class ArabicNormalization implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new ArabicNormalizationFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @NamedComponent("arabic_stem")
    public static class ArabicStem implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new ArabicStemFilter(in);
        }
    }

    @NamedComponent("persian_normalization")
    public static class PersianNormalization implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new PersianNormalizationFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @NamedComponent("persian_stem")
    public static class PersianStem implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new PersianStemFilter(in);
        }
    }

    @NamedComponent("russian_stem")
    public static class RussianStem implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new SnowballFilter(in, new RussianStemmer());
        }
    }

    @NamedComponent("apostrophe")
    public static class Apostrophe implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new ApostropheFilter(in);
        }
    }

    @AnalysisSettings
    public interface StemmerSettings {
        @StringSetting(path = "language", defaultValue = "")
        String language();

        @StringSetting(path = "name", defaultValue = "english")
        String name();
    }

    /** The languages Lotse uses, with Elasticsearch's names and classes. */
    @NamedComponent("stemmer")
    public static class Stemmer implements TokenFilterFactory {
        private final UnaryOperator<TokenStream> stemmer;

        @Inject
        public Stemmer(StemmerSettings s) {
            String l = (s.language().isEmpty() ? s.name() : s.language()).toLowerCase(Locale.ROOT);
            this.stemmer = switch (l) {
                case "german", "german2" -> in -> new SnowballFilter(in, new GermanStemmer());
                case "light_german", "lightgerman" -> GermanLightStemFilter::new;
                case "minimal_german", "minimalgerman" -> GermanMinimalStemFilter::new;
                case "english", "porter" -> PorterStemFilter::new;
                case "porter2" -> in -> new SnowballFilter(in, new EnglishStemmer());
                case "light_english", "lightenglish", "kstem" -> KStemFilter::new;
                case "minimal_english", "minimalenglish" -> EnglishMinimalStemFilter::new;
                case "possessive_english", "possessiveenglish" -> EnglishPossessiveFilter::new;
                case "arabic" -> ArabicStemFilter::new;
                case "persian" -> PersianStemFilter::new;
                case "russian" -> in -> new SnowballFilter(in, new RussianStemmer());
                case "light_russian", "lightrussian" -> RussianLightStemFilter::new;
                case "turkish" -> in -> new SnowballFilter(in, new TurkishStemmer());
                default -> throw new IllegalArgumentException(
                    "stemmer language [" + l + "] is not available on this test node"
                        + " (lotse-analysis: German, English, Arabic, Persian, Russian, Turkish)");
            };
        }

        @Override
        public TokenStream create(TokenStream in) {
            return stemmer.apply(in);
        }
    }

    @AnalysisSettings
    public interface SnowballSettings {
        @StringSetting(path = "language", defaultValue = "English")
        String language();
    }

    @NamedComponent("snowball")
    public static class Snowball implements TokenFilterFactory {
        private final String language;

        @Inject
        public Snowball(SnowballSettings s) {
            this.language = s.language();
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new SnowballFilter(in, language);
        }
    }

    @AnalysisSettings
    public interface KeywordMarkerSettings {
        @ListSetting(path = "keywords")
        List<String> keywords();

        @BooleanSetting(path = "ignore_case", defaultValue = false)
        boolean ignoreCase();
    }

    @NamedComponent("keyword_marker")
    public static class KeywordMarker implements TokenFilterFactory {
        private final CharArraySet keywords;

        @Inject
        public KeywordMarker(KeywordMarkerSettings s) {
            this.keywords = new CharArraySet(s.keywords(), s.ignoreCase());
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new SetKeywordMarkerFilter(in, keywords);
        }
    }

    @NamedComponent("uppercase")
    public static class UpperCase implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new UpperCaseFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @NamedComponent("trim")
    public static class Trim implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new TrimFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @NamedComponent("decimal_digit")
    public static class DecimalDigit implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new DecimalDigitFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return create(in);
        }
    }

    @AnalysisSettings
    public interface LengthSettings {
        @IntSetting(path = "min", defaultValue = 0)
        int min();

        @IntSetting(path = "max", defaultValue = Integer.MAX_VALUE)
        int max();
    }

    @NamedComponent("length")
    public static class Length implements TokenFilterFactory {
        private final LengthSettings s;

        @Inject
        public Length(LengthSettings s) {
            this.s = s;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new LengthFilter(in, s.min(), s.max());
        }
    }

    @AnalysisSettings
    public interface TruncateSettings {
        @IntSetting(path = "length", defaultValue = 10)
        int length();
    }

    @NamedComponent("truncate")
    public static class Truncate implements TokenFilterFactory {
        private final int length;

        @Inject
        public Truncate(TruncateSettings s) {
            this.length = s.length();
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new TruncateTokenFilter(in, length);
        }
    }
}
