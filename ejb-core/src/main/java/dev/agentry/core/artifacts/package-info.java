/**
 * The content-addressed artifact bundle of a run (SPEC section 9): writing it, its unified patch
 * against the seed, its id, and verifying one that came back from anywhere.
 */
package dev.agentry.core.artifacts;
