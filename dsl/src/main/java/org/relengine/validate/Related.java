package org.relengine.validate;

import org.relengine.model.Position;

/** A second position a diagnostic refers to, e.g. where a duplicate was first declared. */
public record Related(Position at, String message) {
}
