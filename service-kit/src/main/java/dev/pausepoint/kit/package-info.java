/**
 * The shared runtime of the servlet services: production defaults applied beneath each service's own
 * configuration ({@link dev.pausepoint.kit.ServiceDefaults}) and the Kafka topics of the contract.
 */
package dev.pausepoint.kit;
