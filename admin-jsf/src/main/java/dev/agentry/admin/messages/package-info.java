/** The console's texts from its resource bundle, and the page messages made from them. */
package dev.agentry.admin.messages;
