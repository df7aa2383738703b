/** Which public path goes to which service, and the guard that keeps routing and services agreeing on a path. */
package dev.pausepoint.gateway.routing;
