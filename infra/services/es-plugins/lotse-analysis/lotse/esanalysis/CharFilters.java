package lotse.esanalysis;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Char filters of Elasticsearch's analysis-common module, on the same Lucene classes. */
public final class CharFilters {
    private CharFilters() {}

    @AnalysisSettings
    public interface HtmlStripSettings {
        @ListSetting(path = "escaped_tags")
        List<String> escapedTags();
    }

    @NamedComponent("html_strip")
    public static class HtmlStrip implements CharFilterFactory {
        private final HashSet<String> escapedTags;

        @Inject
        public HtmlStrip(HtmlStripSettings s) {
            this.escapedTags = new HashSet<>(s.escapedTags());
        }

        @Override
        public Reader create(Reader reader) {
            return new HTMLStripCharFilter(reader, escapedTags);
        }
    }
}
