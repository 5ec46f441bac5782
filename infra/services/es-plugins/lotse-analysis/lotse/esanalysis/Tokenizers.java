package lotse.esanalysis;

import java.util.List;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Tokenizers of Elasticsearch's analysis-common module, on the same Lucene classes. */
public final class Tokenizers {
    private Tokenizers() {}

    @AnalysisSettings
    public interface NGramSettings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();

        @StringSetting(path = "custom_token_chars", defaultValue = "")
        String customTokenChars();
    }

    /** token_chars as in Elasticsearch: letter, digit, whitespace, punctuation, symbol, custom. */
    static IntPredicate tokenChars(NGramSettings s) {
        IntPredicate p = null;
        for (String c : s.tokenChars()) {
            IntPredicate q = switch (c.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> ch -> switch (Character.getType(ch)) {
                    case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                            Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                            Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                            Character.OTHER_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> ch -> switch (Character.getType(ch)) {
                    case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                            Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> ch -> s.customTokenChars().indexOf(ch) >= 0;
                default -> throw new IllegalArgumentException("Unknown token type: '" + c + "'");
            };
            p = p == null ? q : p.or(q);
        }
        return p;
    }

    @NamedComponent("ngram")
    public static class NGram implements TokenizerFactory {
        private final NGramSettings s;

        @Inject
        public NGram(NGramSettings s) {
            this.s = s;
        }

        @Override
        public Tokenizer create() {
            IntPredicate p = tokenChars(s);
            if (p == null) {
                return new NGramTokenizer(s.minGram(), s.maxGram());
            }
            return new NGramTokenizer(s.minGram(), s.maxGram()) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return p.test(chr);
                }
            };
        }
    }

    @NamedComponent("edge_ngram")
    public static class EdgeNGram implements TokenizerFactory {
        private final NGramSettings s;

        @Inject
        public EdgeNGram(NGramSettings s) {
            this.s = s;
        }

        @Override
        public Tokenizer create() {
            IntPredicate p = tokenChars(s);
            if (p == null) {
                return new EdgeNGramTokenizer(s.minGram(), s.maxGram());
            }
            return new EdgeNGramTokenizer(s.minGram(), s.maxGram()) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return p.test(chr);
                }
            };
        }
    }

    @NamedComponent("whitespace")
    public static class Whitespace implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new WhitespaceTokenizer();
        }
    }

    @NamedComponent("keyword")
    public static class Keyword implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new KeywordTokenizer();
        }
    }

    @NamedComponent("letter")
    public static class Letter implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new LetterTokenizer();
        }
    }
}
