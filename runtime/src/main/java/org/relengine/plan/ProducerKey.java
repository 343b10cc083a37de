package org.relengine.plan;

/**
 * What writes a file's content: a stable {@code name} the step unit registers its producer under, and the
 * {@code description} plans show ({@code CHECKSUM from the per-file .CHECKSUM files}). A file whose content is
 * known when planning has a key that no producer is registered under: it only describes the file.
 */
public record ProducerKey(String name, String description) {

    /** A key for a file whose content the plan holds: its description names it. */
    public static ProducerKey described(String description) {
        return new ProducerKey("text:" + description, description);
    }

    @Override
    public String toString() {
        return description;
    }
}
