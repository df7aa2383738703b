/**
 * Auto-configured error rendering for the servlet services: an advice for failures inside Spring MVC,
 * an error controller for those the container sees, the request-id and body-size filters, and the check
 * that refuses request text the database cannot hold (bodies as they are read, parameters and path
 * variables before binding).
 */
package dev.pausepoint.errors.servlet;
