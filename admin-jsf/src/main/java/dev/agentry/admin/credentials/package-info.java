/** The credentials pages: the list with search, filters, sorting and paging; one credential's page. */
package dev.agentry.admin.credentials;
