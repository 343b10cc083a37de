/**
 * Tasks {@code on: kubernetes}: each runs as one {@code batch/v1} Job ({@link
 * org.relengine.executors.kubernetes.JobManifest}) named for its compose, task and ingredients ({@link
 * org.relengine.executors.kubernetes.JobName}), followed through watches ({@link
 * org.relengine.executors.kubernetes.JobFollower}) to a success or a reason ({@link
 * org.relengine.executors.kubernetes.PodFailure}). It knows the plan, never the executors that use it.
 */
package org.relengine.executors.kubernetes;
