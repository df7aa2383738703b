/**
 * The browser side of every page: the gateway's signed identity checked and the browser's address taken from it, the sealed session cookie and the CSRF token ({@code BrowserFilter}), the headers every page carries and rendering ({@code Pages}), and the error pages ({@code DashboardErrors}).
 */
package dev.pausepoint.dashboard.web;
