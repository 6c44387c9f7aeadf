/** The console's governed-writes pages: the approvals queue, the policies and the executions. */
package dev.agentry.admin.control;
