/** Live pauses counted per developer and calendar month (UTC), the basis of plan quotas. */
package dev.pausepoint.billing.usage;
