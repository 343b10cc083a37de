package org.relengine.plan;

/**
 * What a plan was made from: the SHA-256 over the recipe and every file it includes, and the git
 * commit of the recipe when it lives in a repository (null otherwise, or when the file has changes
 * not committed).
 */
public record PlanSource(String hash, String commit) {
}
