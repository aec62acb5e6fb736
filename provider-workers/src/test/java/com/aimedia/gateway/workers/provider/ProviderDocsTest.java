package com.aimedia.gateway.workers.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.provider.spi.ProviderAdapter;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every adapter's facts are written down in the repository
 * (docs/providers/&lt;id&gt;.md), where its code comments point, and each page names the
 * adapter it documents.
 */
class ProviderDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "providers");

    @Test
    void should_have_a_provider_page_when_a_provider_package_has_an_adapter() throws IOException {
        // given
        Set<String> providers = new TreeSet<>();
        for (JavaClass adapter : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.aimedia.gateway.workers.provider")) {
            if (!adapter.isInterface() && adapter.isAssignableTo(ProviderAdapter.class)) {
                providers.add(adapter.getPackageName().substring(adapter.getPackageName().lastIndexOf('.') + 1));
            }
        }

        // then
        assertThat(providers).isNotEmpty();
        for (String provider : providers) {
            Path page = DOCS.resolve(provider + ".md");
            assertThat(page).as("docs/providers/%s.md", provider).exists();
            assertThat(Files.readString(page)).as("docs/providers/%s.md names its adapter", provider)
                .contains("provider/" + provider)
                .contains("## Sources");
        }
    }

    @Test
    void should_point_only_at_documents_that_exist_when_code_cites_docs() throws IOException {
        // given
        Pattern cited = Pattern.compile("docs/[a-z0-9/_-]+\\.md");
        Set<String> missing = new TreeSet<>();

        // when
        try (Stream<Path> sources = Files.walk(Path.of("src"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = cited.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!Files.exists(Path.of("..").resolve(matcher.group()))) {
                        missing.add(matcher.group() + " (cited in " + source.getFileName() + ")");
                    }
                }
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

}
