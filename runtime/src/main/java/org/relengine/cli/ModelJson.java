package org.relengine.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.relengine.dsl.DurationText;
import org.relengine.model.Channel;
import org.relengine.model.ComposePaths;
import org.relengine.model.ConstantValue;
import org.relengine.model.Executor;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.SourceKind;
import org.relengine.model.Step;

/**
 * The resolved model as JSON ({@code relengine show --format json}); schema {@code relengine.model/1},
 * documented in docs/cli.md. Source positions are left out; enum values are the recipe's words.
 */
final class ModelJson {

    static final String SCHEMA = "relengine.model/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(Object.class, WithoutOrigin.class)
            .registerModule(new SimpleModule()
                    .addSerializer(Channel.class, word(Channel::word))
                    .addSerializer(Executor.class, word(Executor::word))
                    .addSerializer(SourceKind.class, word(SourceKind::word))
                    .addSerializer(ConstantValue.Word.class, word(ConstantValue.Word::word))
                    .addSerializer(Duration.class, word(DurationText::format)));

    @JsonIgnoreProperties({"origin", "archesOrigin"})
    private abstract static class WithoutOrigin {
    }

    private ModelJson() {
    }

    private static <E> JsonSerializer<E> word(java.util.function.Function<E, String> word) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(word.apply(value));
            }
        };
    }

    static String render(Recipe recipe) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("files", JSON.valueToTree(recipe.files()));
        root.set("release", release(recipe.release()));
        if (recipe.composesSig()) {
            root.put("sig", recipe.sig().name());
        }
        ObjectNode constants = root.putObject("constants");
        recipe.constants().forEach(c -> constants.set(c.name(), JSON.valueToTree(c.value())));
        root.set("arches", JSON.valueToTree(recipe.arches()));
        root.set("multilib", JSON.valueToTree(recipe.multilib()));
        root.set("sources", JSON.valueToTree(recipe.sources()));
        ObjectNode gpg = root.putObject("gpg");
        gpg.put("check", recipe.gpg().check());
        gpg.set("keys", JSON.valueToTree(recipe.gpg().keyUrls()));
        ArrayNode repos = root.putArray("repos");
        for (Repo repo : recipe.repos()) {
            ObjectNode node = JSON.valueToTree(repo);
            node.set("syncArches", JSON.valueToTree(recipe.syncArches(repo)));
            repos.add(node);
        }
        root.set("lorax", JSON.valueToTree(recipe.lorax()));
        root.set("images", JSON.valueToTree(recipe.images()));
        root.set("cloudImages", JSON.valueToTree(recipe.cloudImages()));
        root.set("liveImages", JSON.valueToTree(recipe.liveImages()));
        root.set("extraFiles", JSON.valueToTree(recipe.extraFiles()));
        root.set("artifacts", JSON.valueToTree(recipe.artifacts()));
        root.set("roots", JSON.valueToTree(recipe.roots()));
        ComposePaths paths = ComposePaths.of(recipe);
        ObjectNode pathNode = root.putObject("paths");
        pathNode.put("composeDir", paths.composeDir(ComposePaths.DATE_PLACEHOLDER));
        pathNode.put("latestLink", paths.latestLink());
        pathNode.put("staging", paths.stagingDir());
        pathNode.put("production", recipe.step(Step.Production.class).map(p -> paths.productionDir()).orElse(null));
        root.set("compose", steps(recipe.compose()));
        root.set("publish", steps(recipe.publish()));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode release(Release release) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", release.name());
        node.put("short", release.shortName());
        node.put("version", release.version());
        node.put("major", release.major());
        node.put("minor", release.minor());
        node.put("rc", release.rc());
        node.put("final", release.isFinal());
        node.put("channel", release.channel().word());
        node.put("code", release.code());
        node.put("bugurl", release.bugUrl());
        node.put("profile", release.profile());
        node.put("revisionLevel", release.revisionLevel());
        node.put("composeId", release.composeId(ComposePaths.DATE_PLACEHOLDER));
        return node;
    }

    private static ArrayNode steps(java.util.List<Step> steps) {
        ArrayNode array = JSON.createArrayNode();
        for (Step step : steps) {
            ObjectNode node = array.addObject();
            node.put("step", step.keyword());
            node.setAll((ObjectNode) JSON.valueToTree(step));
            node.set("requires", JSON.valueToTree(step.requires()));
        }
        return array;
    }
}
