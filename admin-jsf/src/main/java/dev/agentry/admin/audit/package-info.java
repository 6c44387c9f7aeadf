/** The audit log page: filters, paging and verifying the hash chain. */
package dev.agentry.admin.audit;
