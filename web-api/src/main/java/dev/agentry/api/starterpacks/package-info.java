/** Starter packs: listed, and taken by a credential request (SPEC section 6). */
package dev.agentry.api.starterpacks;
