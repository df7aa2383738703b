/** The three providers, each through its official SDK, each turning every outcome into a SendResult. */
package dev.pausepoint.delivery.channel;
