/** The runs pages: the list by status, and one run with its evidence, patch, artifacts and cancel. */
package dev.agentry.admin.runs;
