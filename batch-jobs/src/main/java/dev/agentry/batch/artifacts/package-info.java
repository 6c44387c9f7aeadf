/** The bundle-verify job's step: stored bundles read in run order and verified again. */
package dev.agentry.batch.artifacts;
