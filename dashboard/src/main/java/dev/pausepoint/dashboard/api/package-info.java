/**
 * The dashboard's one way to the public API ({@code ApiClient}): through the gateway with the developer's session, the page's world in {@code PausePoint-Mode} and the browser's address signed, and the API's refusals as {@code ApiFailure}.
 */
package dev.pausepoint.dashboard.api;
