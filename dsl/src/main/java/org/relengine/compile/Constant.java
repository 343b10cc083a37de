package org.relengine.compile;

import org.relengine.model.Position;

/**
 * A named value defined at the top level of a recipe: {@code def core = ['BaseOS', 'AppStream']}.
 *
 * @param at    where its name is written
 * @param value the value as written; null when it could not be read (that was reported), so that its uses are
 *              not reported again as unknown names
 */
public record Constant(String name, Position at, Value value) {
}
