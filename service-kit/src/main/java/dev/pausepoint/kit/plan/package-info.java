/**
 * The plans (docs/api-reference.md, "Plans": quota, channels, timeout cap) as configuration every service
 * reads alike.
 */
package dev.pausepoint.kit.plan;
