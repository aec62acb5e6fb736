package com.aimedia.gateway.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Map;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules every service's architecture test checks, each with the service's
 * own list of exceptions (class name to the reason it is allowed).
 */
public final class GatewayArchitecture {

    private GatewayArchitecture() {
    }

    /**
     * Avro records are the Kafka edge and stay in {@code messaging} packages below
     * {@code basePackage}, where one mapper turns them into domain records.
     */
    public static ArchRule avroOnlyInMessaging(String basePackage, Map<String, String> listed) {
        return noClasses().that()
            .resideOutsideOfPackage(basePackage + "..messaging..")
            .and(not(listedIn(listed)))
            .should()
            .dependOnClassesThat(resideInAnyPackage("com.aimedia.gateway.schemas.v1..", "org.apache.avro.."));
    }

    /**
     * The MongoDB driver stays in stores and repositories ({@code *Store},
     * {@code *Repository}, their {@code *Documents} mapping and the
     * {@code *Configuration} that builds them from the {@code MongoDatabase} bean).
     */
    public static ArchRule mongoOnlyInStoresAndRepositories(Map<String, String> listed) {
        return noClasses().that(not(aStoreOrItsWiring()).and(not(listedIn(listed))))
            .should()
            .dependOnClassesThat(resideInAnyPackage("com.mongodb..", "org.bson.."));
    }

    private static DescribedPredicate<JavaClass> listedIn(Map<String, String> exceptions) {
        return DescribedPredicate.describe("listed with a reason",
                javaClass -> exceptions.containsKey(topLevel(javaClass)));
    }

    private static DescribedPredicate<JavaClass> aStoreOrItsWiring() {
        return DescribedPredicate.describe("a store, a repository, their documents or wiring", javaClass -> {
            String topLevel = topLevel(javaClass);
            String simple = topLevel.substring(topLevel.lastIndexOf('.') + 1);
            return simple.endsWith("Store") || simple.endsWith("Repository") || simple.endsWith("Documents")
                    || simple.endsWith("Configuration");
        });
    }

    private static String topLevel(JavaClass javaClass) {
        return javaClass.getName().replaceFirst("\\$.*", "");
    }

}
