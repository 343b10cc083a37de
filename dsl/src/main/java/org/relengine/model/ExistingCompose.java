package org.relengine.model;

/**
 * {@code existing compose: '/mnt/compose/8/latest-Rocky-8'}: the recipe publishes a compose made elsewhere (by Pungi,
 * say: productmd metadata, {@code compose/<Variant>/<arch>/os}) instead of composing one. Its compose steps are not
 * run; its publish steps take this directory as the compose.
 *
 * @param dir the compose directory, absolute; a link to one (Pungi's {@code latest-Rocky-8}) is followed
 */
public record ExistingCompose(String dir, Origin origin) {
}
