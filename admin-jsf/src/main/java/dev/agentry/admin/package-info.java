/** The Jakarta Faces admin console: page beans that translate forms and delegate to core boundaries. */
package dev.agentry.admin;
