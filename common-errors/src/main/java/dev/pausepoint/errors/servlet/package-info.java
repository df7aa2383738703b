/**
 * Auto-configured error rendering for the servlet services: an advice for failures inside Spring MVC,
 * an error controller for those the container sees, and the request-id and body-size filters.
 */
package dev.pausepoint.errors.servlet;
