/** What every API request gets before a resource sees it: a request id, no caching, a body limit. */
package dev.agentry.api.request;
