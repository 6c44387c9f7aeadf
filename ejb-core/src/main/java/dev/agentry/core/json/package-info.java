/** JSON the core recorded as text, turned into plain Java values for views that cross a module boundary. */
package dev.agentry.core.json;
