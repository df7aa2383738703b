/** The plans of api.md (quota, channels, timeout cap) as configuration every service reads alike. */
package dev.pausepoint.kit.plan;
