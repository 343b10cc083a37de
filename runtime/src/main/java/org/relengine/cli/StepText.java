package org.relengine.cli;

import java.util.ArrayList;
import java.util.List;
import org.relengine.dsl.DurationText;
import org.relengine.model.Executor;
import org.relengine.model.Step;

/** A step in one line, with the options that change what it does. */
final class StepText {

    private StepText() {
    }

    static String describe(Step step) {
        List<String> parts = new ArrayList<>();
        if (step instanceof Step.Sync s) {
            parts.add("from " + s.from().word());
            parts.add(s.delete() ? "delete" : "no delete");
            if (!s.debug()) {
                parts.add("no debug");
            }
            if (!s.source()) {
                parts.add("no source");
            }
            if (s.repoclosure()) {
                parts.add("repoclosure");
            }
            on(s.on(), parts);
            failable(s.failable(), parts);
            retry(s.retry(), parts);
        } else if (step instanceof Step.Iso s) {
            parts.add("arches " + String.join(" ", s.arches()));
            on(s.on(), parts);
            failable(s.failable(), parts);
        } else if (step instanceof Step.Extras s) {
            parts.add("image " + s.image());
            on(s.on(), parts);
            failable(s.failable(), parts);
        } else if (step instanceof Step.Cloud s) {
            parts.add(s.types() == null ? "every declared type" : String.join(", ", s.types()));
            failable(s.failable(), parts);
            retry(s.retry(), parts);
        } else if (step instanceof Step.Live s) {
            parts.add(s.images() == null ? "every declared image" : String.join(", ", s.images()));
            on(s.on(), parts);
            failable(s.failable(), parts);
            retry(s.retry(), parts);
        } else if (step instanceof Step.Unpack s) {
            failable(s.failable(), parts);
            retry(s.retry(), parts);
        } else if (step instanceof Step.Staging s) {
            parts.add(s.delete() ? "delete" : "no delete");
            if (s.createrepo()) {
                parts.add("createrepo --update");
            }
            exclude(s.exclude(), s.delete() ? s.protect() : List.of(), parts);
            owner(s.chown(), parts);
        } else if (step instanceof Step.Production s) {
            parts.add(s.delete() ? "delete" : "no delete");
            exclude(s.exclude(), s.delete() ? s.protect() : List.of(), parts);
            owner(s.chown(), parts);
            if (s.delete()) {
                parts.add("old repodata kept " + s.repodataGrace() + " h");
            }
        } else if (step instanceof Step.FileLists s) {
            parts.add("modules " + String.join(", ", s.modules()));
        } else if (step instanceof Step.Torrents s) {
            parts.add(s.announce().size() + " trackers");
        } else if (step instanceof Step.Sign s) {
            parts.add("key " + s.key());
            if (s.repomd()) {
                parts.add("repomd.xml");
            }
            if (s.checksums()) {
                parts.add("CHECKSUM");
            }
        }
        String keyword = String.format("%-11s", step.keyword());
        return parts.isEmpty() ? keyword.strip() : keyword + String.join(", ", parts);
    }

    private static void on(Executor executor, List<String> parts) {
        parts.add("on " + executor.word());
    }

    private static void failable(Step.Failability failable, List<String> parts) {
        if (failable.everywhere()) {
            parts.add("failable");
        } else if (!failable.arches().isEmpty()) {
            parts.add("failable on " + String.join(" ", failable.arches()));
        }
    }

    private static void retry(Step.Retry retry, List<String> parts) {
        if (retry.retries() > 0) {
            parts.add(retry.retries() + (retry.retries() == 1 ? " retry" : " retries") + " after "
                    + DurationText.format(retry.delay()) + ", doubling");
        }
    }

    private static void exclude(List<String> exclude, List<String> protect, List<String> parts) {
        if (!exclude.isEmpty()) {
            parts.add("excluding " + String.join(", ", exclude));
        }
        if (!protect.isEmpty()) {
            parts.add("never deleting " + String.join(", ", protect));
        }
    }

    private static void owner(String chown, List<String> parts) {
        if (chown != null) {
            parts.add("owner " + chown);
        }
    }
}
